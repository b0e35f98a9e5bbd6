package org.unbanpanel.security.lockout;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.unbanpanel.testsupport.PanelBrowser;
import org.unbanpanel.testsupport.PanelOnRealTools;
import org.unbanpanel.testsupport.RealTools;
import org.unbanpanel.testsupport.TestPanel;
import org.unbanpanel.testsupport.Throttled;
import org.unbanpanel.testsupport.WithRealTools;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The panel protects itself with fail2ban: a private fail2ban-server runs the shipped {@code unban-panel} filter and
 * jail ({@code config/fail2ban/}) on the panel's auth log, and five failed sign-ins over HTTP get the address banned,
 * however the user names try to forge other addresses into the log.
 */
@PanelOnRealTools(users = { "alice", "ADMIN" }, pam = false, fail2ban = WithRealTools.Fail2banSetUp.PANEL_JAIL)
class PanelLockoutIntegrationTests {

	static final String PASSWORD = TestPanel.PASSWORD;

	/** Wrong sign-ins, four of them with a user name that tries to put another address into fail2ban's hands. */
	static final List<String> USER_NAMES = List.of("alice", "x from=203.0.113.9",
			"bob\n2026-11-25T10:00:00+0000 unban-panel: authentication failure for user=y from=203.0.113.10",
			"carol\r from=203.0.113.11", "dave\u0000\u001b[2J from=203.0.113.12");

	private final RealTools tools;

	PanelLockoutIntegrationTests(RealTools tools) {
		this.tools = tools;
	}

	@Test
	void fiveFailedSignInsGetTheAddressBannedByTheShippedJail() throws Exception {
		assertThat(tools.fail2ban().client(List.of("get", RealTools.PANEL_JAIL, "maxretry")).strip()).isEqualTo("5");
		assertThat(tools.fail2ban().client(List.of("get", RealTools.PANEL_JAIL, "bantime")).strip()).isEqualTo("3600");
		PanelBrowser browser = tools.browser();

		for (String username : USER_NAMES) {
			assertThat(browser.signIn(username, "wrong").headers().firstValue("Location")).hasValueSatisfying(
					location -> assertThat(location).endsWith("/login?error"));
		}

		assertThat(tools.authLogLines()).hasSize(5)
			.allSatisfy(line -> assertThat(line)
				.matches("\\S+ unban-panel: authentication failure for user=\\S* from=127\\.0\\.0\\.1"));
		assertThat(tools.fail2ban().awaitBanned(RealTools.PANEL_JAIL)).containsExactly("127.0.0.1");
		HttpResponse<String> refused = browser.signIn("alice", PASSWORD);
		Throttled.assertRefusedAtOnce(refused);
		assertThat(refused.body()).containsPattern("Too many failed sign-ins from your address\\. Wait \\d+ seconds");
	}

}
