package org.unbanpanel.accounts;

import java.net.http.HttpResponse;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.unbanpanel.hosts.TestFleet;
import org.unbanpanel.hosts.WithTestFleet;
import org.unbanpanel.testsupport.PamLockout;
import org.unbanpanel.testsupport.PanelBrowser;
import org.unbanpanel.testsupport.PanelOnRealTools;
import org.unbanpanel.testsupport.RealTools;
import org.unbanpanel.testsupport.SshHosts;
import org.unbanpanel.testsupport.TestPanel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unbanpanel.testsupport.PanelBrowser.hostSection;

/**
 * The locked-accounts page of a panel with two hosts: this machine, whose faillock records are the real tools' PAM
 * lockout's, and a real sshd test host whose own faillock records a second lockout writes, read and reset there over
 * SSH through {@code sudo -n faillock}, its lock policy read there from that lockout's PAM stack with {@code cat}.
 * Each host's accounts show under that host, with when their locks end, and a reset clears the account on the host of
 * its section only.
 */
@WithTestFleet(1)
@PanelOnRealTools(users = { "alice", "ADMIN" },
		properties = "panel.hosts[0].accounts.policy.service=" + AccountsAcrossHostsIntegrationTests.HOST_SERVICE)
class AccountsAcrossHostsIntegrationTests {

	private static final String HOST = TestFleet.name(0);

	/** The PAM service of the host's lockout, whose stack the panel reads there for when the host's locks end. */
	static final String HOST_SERVICE = "unban-panel-test-host";

	private final RealTools tools;

	private final SshHosts testHosts;

	private final MeterRegistry meters;

	AccountsAcrossHostsIntegrationTests(RealTools tools, SshHosts testHosts, ApplicationContext context) {
		this.tools = tools;
		this.testHosts = testHosts;
		this.meters = context.getBean(MeterRegistry.class);
	}

	@AfterEach
	void theHostAnswers() {
		testHosts.get(0).restart();
	}

	@Test
	void showsEachHostsLockedAccountsUnderItAndResetsOneOnTheHostOfItsSectionOnly() throws Exception {
		try (PamLockout onHost = PamLockout.createIn(testHosts.get(0).faillockDir(), HOST_SERVICE,
				"deny=" + PamLockout.DENY + " unlock_time=0")) {
			tools.pam().lockOut();
			onHost.lockOut();
			PanelBrowser browser = signedIn();

			String page = browser.get("/accounts").body();
			assertThat(hostSection(page, "local")).contains(tools.pam().user())
				.contains("when it ends by itself")
				.doesNotContain(onHost.user());
			assertThat(hostSection(page, HOST)).contains("Host " + HOST)
				.contains("as faillock reports them")
				.contains(onHost.user())
				.contains("<td data-label=\"Failures\">" + PamLockout.DENY + "</td>")
				.contains(PamLockout.RHOST)
				.as("the host's own stack, read there: its locks never end by themselves, this machine's do")
				.contains("locked, and never by itself: only a reset ends it (unlock_time = 0)")
				.doesNotContain(tools.pam().user());
			assertThat(meters.find("panel.commands").tag("tool", "cat").tag("host", HOST).timers())
				.as("the host's stack read there, over SSH")
				.isNotEmpty();
			assertThat(tools.api("alice").getJson("/api/v1/accounts?host=" + HOST).get("accounts").get(0).get("user")
				.asString()).isEqualTo(onHost.user());

			HttpResponse<String> reset = browser.post("/accounts/reset", Map.of("user", onHost.user(), "host", HOST));
			assertThat(browser.awaitFinished(PanelBrowser.redirectPath(reset)))
				.contains(PamLockout.DENY + " failed logins cleared");

			assertThat(onHost.authenticate(onHost.password())).as("the host's account authenticates again").isTrue();
			assertThat(tools.pam().authenticate(tools.pam().password())).as("this machine's stays locked").isFalse();
			String after = browser.get("/accounts").body();
			assertThat(hostSection(after, HOST)).contains("No account has failed logins.");
			assertThat(hostSection(after, "local")).contains(tools.pam().user());
		}
	}

	@Test
	void saysWhyAHostWhoseSshdIsStoppedCannotBeReadWhileThisMachinesAccountsShow() {
		tools.pam().lockOut();
		testHosts.get(0).stop();

		String page = signedIn().get("/accounts").body();

		assertThat(hostSection(page, "local")).contains(tools.pam().user());
		assertThat(hostSection(page, HOST)).contains("The account locks cannot be read:").contains("cannot reach " + HOST);
	}

	private PanelBrowser signedIn() {
		PanelBrowser browser = tools.browser();
		browser.signIn("alice", TestPanel.PASSWORD);
		return browser;
	}

}
