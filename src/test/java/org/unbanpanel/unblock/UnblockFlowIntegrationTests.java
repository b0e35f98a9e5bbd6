package org.unbanpanel.unblock;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.unbanpanel.testsupport.Fail2banServer;
import org.unbanpanel.testsupport.PamLockout;
import org.unbanpanel.testsupport.PanelBrowser;
import org.unbanpanel.testsupport.PanelOnRealTools;
import org.unbanpanel.testsupport.RealTools;
import org.unbanpanel.testsupport.TestPanel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole Unblock Access flow over HTTP against a private fail2ban-server and a real PAM lockout: sign in, post
 * the form, follow to the job page, and check fail2ban's own state and that the account authenticates again.
 */
@PanelOnRealTools(users = { "alice", "ADMIN", "noc", "OPERATOR" })
class UnblockFlowIntegrationTests {

	private final RealTools tools;

	UnblockFlowIntegrationTests(RealTools tools) {
		this.tools = tools;
	}

	@Test
	void releasesTheOfficeAddressFromEveryJailAndTheLockedAccountThroughTheForm() throws Exception {
		tools.fail2ban().ban("dovecot", "203.0.113.7", "198.51.100.9");
		tools.fail2ban().ban("sasl", "203.0.113.7");
		tools.pam().lockOut();
		assertThat(tools.pam().authenticate(tools.pam().password())).as("locked out before the form is posted").isFalse();
		PanelBrowser browser = tools.browser();
		assertThat(browser.signIn("alice", TestPanel.PASSWORD).headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(location).doesNotContain("error"));

		browser.get("/system/unblock");
		HttpResponse<String> posted = browser.post("/system/unblock",
				Map.of("ips", "203.0.113.7, 192.0.2.200", "accounts", tools.pam().user()));

		assertThat(posted.statusCode()).isEqualTo(302);
		String jobPage = PanelBrowser.redirectPath(posted);
		assertThat(jobPage).matches("/jobs/\\d+");
		String page = browser.awaitFinished(jobPage);
		assertThat(page).contains("203.0.113.7").contains("unbanned from dovecot, sasl");
		assertThat(page).contains("192.0.2.200").contains("was not banned in any jail");
		for (String jail : Fail2banServer.JAILS) {
			assertThat(tools.fail2ban().bannedIn(jail)).doesNotContain("203.0.113.7");
		}
		assertThat(tools.fail2ban().bannedIn("dovecot")).containsExactly("198.51.100.9");
		assertThat(page).contains(tools.pam().user()).contains(PamLockout.DENY + " failed logins cleared");
		assertThat(tools.pam().authenticate(tools.pam().password())).as("the account authenticates again").isTrue();
	}

	@Test
	void keepsTheValuesAndNamesTheBadOneWithoutQueuing() {
		tools.fail2ban().ban("sshd", "203.0.113.8");
		PanelBrowser browser = tools.browser();
		browser.signIn("alice", TestPanel.PASSWORD);
		browser.get("/system/unblock");

		HttpResponse<String> posted = browser.post("/system/unblock",
				Map.of("ips", "203.0.113.8, 192.168.010.1", "accounts", ""));

		assertThat(posted.statusCode()).isEqualTo(200);
		assertThat(posted.body()).contains("192.168.010.1").contains("leading zero").contains("203.0.113.8, 192.168.010.1");
		assertThat(tools.fail2ban().bannedIn("sshd")).contains("203.0.113.8");
	}

	@Test
	void refusesAnOperatorAndAFormWithoutToken() {
		tools.fail2ban().ban("apache", "203.0.113.9");
		PanelBrowser operator = tools.browser();
		operator.signIn("noc", TestPanel.PASSWORD);
		operator.get("/system/unblock");
		assertThat(operator.post("/system/unblock", Map.of("ips", "203.0.113.9")).statusCode()).isEqualTo(403);

		PanelBrowser admin = tools.browser();
		admin.signIn("alice", TestPanel.PASSWORD);
		assertThat(admin.postWithoutToken("/system/unblock", Map.of("ips", "203.0.113.9")).statusCode())
			.isEqualTo(403);

		assertThat(tools.fail2ban().bannedIn("apache")).contains("203.0.113.9");
	}

}
