package org.unbanpanel.links;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.unbanpanel.hosts.WithTestFleet;
import org.unbanpanel.testsupport.Await;
import org.unbanpanel.testsupport.Fail2banServer;
import org.unbanpanel.testsupport.PanelBrowser;
import org.unbanpanel.testsupport.PanelOnRealTools;
import org.unbanpanel.testsupport.RealTools;
import org.unbanpanel.testsupport.SshHosts;
import org.unbanpanel.testsupport.TestPanel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A release link on a panel with two hosts: this machine's private fail2ban-server and a real sshd test host's own.
 * The visitor, 127.0.0.1, is banned on both in other jails; the link releases it from its jails on each host that
 * holds it there, and leaves every other jail as it was; on a host whose sshd is stopped, once it is back. While the
 * host cannot be asked and nothing here holds the visitor, the page says it cannot check now.
 */
@WithTestFleet(1)
@PanelOnRealTools(users = { "alice", "ADMIN" }, pam = false,
		properties = { "panel.jobs.retry-initial=200ms", "panel.jobs.retry-max-interval=500ms" })
class ReleaseLinkAcrossHostsIntegrationTests {

	private final RealTools tools;

	private final SshHosts testHosts;

	ReleaseLinkAcrossHostsIntegrationTests(RealTools tools, SshHosts testHosts) {
		this.tools = tools;
		this.testHosts = testHosts;
	}

	@AfterEach
	void everyHostAnswersAndHoldsNothing() {
		testHosts.get(0).restart();
		host().unbanAll();
		tools.fail2ban().unbanAll();
	}

	@Test
	void releasesTheVisitorFromTheLinksJailsOnEveryHostThatHoldsItThere() throws InterruptedException {
		tools.fail2ban().ban("dovecot", ReleaseLinkIntegrationTests.VISITOR);
		tools.fail2ban().ban("sshd", ReleaseLinkIntegrationTests.VISITOR);
		host().ban("sasl", ReleaseLinkIntegrationTests.VISITOR);
		host().ban("sshd", ReleaseLinkIntegrationTests.VISITOR);
		Links.Made link = Links.make(signedIn(), "Office Gràcia, every server", "dovecot,sasl");
		PanelBrowser visitor = tools.browser();

		assertThat(visitor.get(link.path()).body()).contains("Your address is blocked for: dovecot, sasl.")
			.doesNotContain("sshd")
			.doesNotContain("host-0");
		HttpResponse<String> released = visitor.post(link.path(), Map.of());
		String result = visitor.awaitFinished(PanelBrowser.redirectPath(released));

		assertThat(result).contains("Your address is released (dovecot, sasl). You can log in again now.");
		assertThat(tools.fail2ban().bannedIn("dovecot")).doesNotContain(ReleaseLinkIntegrationTests.VISITOR);
		assertThat(host().bannedIn("sasl")).doesNotContain(ReleaseLinkIntegrationTests.VISITOR);
		assertThat(tools.fail2ban().bannedIn("sshd")).contains(ReleaseLinkIntegrationTests.VISITOR);
		assertThat(host().bannedIn("sshd")).contains(ReleaseLinkIntegrationTests.VISITOR);
	}

	@Test
	void releasesTheVisitorOnAHostThatCouldNotBeAskedOnceItAnswers() throws InterruptedException {
		tools.fail2ban().ban("dovecot", ReleaseLinkIntegrationTests.VISITOR);
		host().ban("sasl", ReleaseLinkIntegrationTests.VISITOR);
		Links.Made link = Links.make(signedIn(), "Office Gràcia, one server down", "dovecot,sasl");
		testHosts.get(0).stop();
		PanelBrowser visitor = tools.browser();

		assertThat(visitor.get(link.path()).body()).contains("Your address is blocked for: dovecot.");
		String use = PanelBrowser.redirectPath(visitor.post(link.path(), Map.of()));
		Await.until("the release here", Duration.ofSeconds(10),
				() -> !tools.fail2ban().bannedIn("dovecot").contains(ReleaseLinkIntegrationTests.VISITOR));
		assertThat(visitor.get(use).body()).as("the page waits for the host").contains("Releasing your address");
		testHosts.get(0).restart();

		assertThat(visitor.awaitFinished(use)).contains("Your address is released (dovecot, sasl).");
		assertThat(host().bannedIn("sasl")).doesNotContain(ReleaseLinkIntegrationTests.VISITOR);
	}

	@Test
	void cannotSayWhetherTheVisitorIsBlockedWhileTheHostCannotBeAskedAndNothingHereHoldsIt() {
		host().ban("sasl", ReleaseLinkIntegrationTests.VISITOR);
		Links.Made link = Links.make(signedIn(), "Office Gràcia, host down", "sasl");
		testHosts.get(0).stop();

		assertThat(tools.browser().get(link.path()).body())
			.contains("The server cannot check your address right now.");
		assertThat(host().bannedIn("sasl")).contains(ReleaseLinkIntegrationTests.VISITOR);
	}

	private Fail2banServer host() {
		return testHosts.get(0).fail2ban();
	}

	private PanelBrowser signedIn() {
		PanelBrowser browser = tools.browser();
		browser.signIn("alice", TestPanel.PASSWORD);
		return browser;
	}

}
