package org.unbanpanel.security.lockout;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.unbanpanel.testsupport.PanelOnRealTools;
import org.unbanpanel.testsupport.RealTools;
import org.unbanpanel.testsupport.TestPanel;
import org.unbanpanel.testsupport.Throttled;
import org.unbanpanel.testsupport.WithRealTools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unbanpanel.testsupport.PanelBrowser.locationPath;

/**
 * An attempt the panel's throttle refuses is still a failed sign-in for the shipped {@code unban-panel} jail: with
 * the panel's own limit at 2, two wrong passwords and three refused attempts get the address banned by a private
 * fail2ban-server running the shipped filter and jail. The test is the panel's trusted proxy, so it names the address.
 */
@PanelOnRealTools(users = { "alice", "ADMIN" }, pam = false, fail2ban = WithRealTools.Fail2banSetUp.PANEL_JAIL,
		properties = { "panel.trusted-proxies=127.0.0.1,::1", "panel.security.throttle.max-failures=2" })
class ThrottledSignInJailIntegrationTests {

	static final String ADDRESS = "203.0.113.77";

	private final RealTools tools;

	ThrottledSignInJailIntegrationTests(RealTools tools) {
		this.tools = tools;
	}

	@Test
	void refusedSignInsAreFailuresForTheShippedJailToo() throws Exception {
		for (int attempt = 1; attempt <= 2; attempt++) {
			assertThat(locationPath(signIn("wrong"))).endsWith("/login?error");
		}
		for (int attempt = 1; attempt <= 3; attempt++) {
			Throttled.assertRefusedAtOnce(signIn(TestPanel.PASSWORD));
		}

		assertThat(tools.authLogLines()).hasSize(5)
			.allSatisfy(line -> assertThat(line).endsWith(" unban-panel: authentication failure for user=alice from="
					+ ADDRESS));
		assertThat(tools.fail2ban().awaitBanned(RealTools.PANEL_JAIL)).containsExactly(ADDRESS);
	}

	private HttpResponse<String> signIn(String password) {
		return tools.browser().withHeader("X-Forwarded-For", ADDRESS).signIn("alice", password);
	}

}
