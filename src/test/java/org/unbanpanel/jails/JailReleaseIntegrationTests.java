package org.unbanpanel.jails;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.unbanpanel.testsupport.PanelBrowser;
import org.unbanpanel.testsupport.PanelOnRealTools;
import org.unbanpanel.testsupport.RealTools;
import org.unbanpanel.testsupport.TestPanel;

import static org.assertj.core.api.Assertions.assertThat;

/** A jail's page releases the selected addresses from that jail only, or from every jail, on the real fail2ban. */
@PanelOnRealTools(users = { "alice", "ADMIN" }, pam = false)
class JailReleaseIntegrationTests {

	private final RealTools tools;

	JailReleaseIntegrationTests(RealTools tools) {
		this.tools = tools;
	}

	@AfterEach
	void releaseEverything() {
		tools.fail2ban().unbanAll();
	}

	@Test
	void releasesFromThisJailOnlyAndLeavesTheOtherJailsBans() throws InterruptedException {
		tools.fail2ban().ban("dovecot", "203.0.113.7");
		tools.fail2ban().ban("sasl", "203.0.113.7");
		PanelBrowser browser = signedIn();

		String page = released(browser, "203.0.113.7", "jail");

		assertThat(page).contains("From the jail dovecot only.").contains("unbanned from dovecot");
		assertThat(tools.fail2ban().bannedIn("dovecot")).isEmpty();
		assertThat(tools.fail2ban().bannedIn("sasl")).containsExactly("203.0.113.7");
		assertThat(browser.get("/jails/sasl").body()).contains("203.0.113.7");
	}

	@Test
	void releasesFromEveryJailByDefault() throws InterruptedException {
		tools.fail2ban().ban("dovecot", "203.0.113.8");
		tools.fail2ban().ban("sasl", "203.0.113.8");

		String page = released(signedIn(), "203.0.113.8", "");

		assertThat(page).contains("unbanned from dovecot, sasl").doesNotContain("only.");
		assertThat(tools.fail2ban().bannedIn("dovecot")).isEmpty();
		assertThat(tools.fail2ban().bannedIn("sasl")).isEmpty();
	}

	private String released(PanelBrowser browser, String address, String scope) throws InterruptedException {
		browser.get("/jails/dovecot");
		HttpResponse<String> posted = browser.post("/jails/dovecot/unban", Map.of("address", address, "scope", scope));
		assertThat(posted.statusCode()).isEqualTo(302);
		return browser.awaitFinished(PanelBrowser.redirectPath(posted));
	}

	private PanelBrowser signedIn() {
		PanelBrowser browser = tools.browser();
		browser.signIn("alice", TestPanel.PASSWORD);
		return browser;
	}

}
