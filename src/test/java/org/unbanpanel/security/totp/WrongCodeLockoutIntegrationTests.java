package org.unbanpanel.security.totp;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.unbanpanel.testsupport.PanelBrowser;
import org.unbanpanel.testsupport.PanelOnRealTools;
import org.unbanpanel.testsupport.RealTools;
import org.unbanpanel.testsupport.TestPanel;
import org.unbanpanel.testsupport.Throttled;
import org.unbanpanel.testsupport.WithRealTools;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Someone who holds a stolen password must not guess the second factor's codes without end: every wrong code is a
 * failed sign-in for the shipped {@code unban-panel} jail of a private fail2ban-server and for the panel's throttle.
 */
@PanelOnRealTools(users = { "alice", "ADMIN" }, pam = false, fail2ban = WithRealTools.Fail2banSetUp.PANEL_JAIL,
		properties = "panel.security.require-totp=true")
class WrongCodeLockoutIntegrationTests {

	private final RealTools tools;

	WrongCodeLockoutIntegrationTests(RealTools tools) {
		this.tools = tools;
	}

	@Test
	void wrongCodesAfterTheRightPasswordGetTheAddressBanned() throws Exception {
		PanelBrowser meanwhile = tools.browser();
		byte[] itsSecret = enrolmentSecret(meanwhile);
		PanelBrowser browser = tools.browser();
		byte[] secret = enrolmentSecret(browser);
		String wrongCode = TotpIntegrationTests.wrong(secret, Totp.step(Instant.now()));
		for (int attempt = 0; attempt < SecondStep.MAX_TRIES - 1; attempt++) {
			assertThat(browser.post("/login/totp", Map.of("code", wrongCode)).body())
				.contains("That code is not right");
		}
		assertThat(location(browser.post("/login/totp", Map.of("code", wrongCode)))).endsWith("/login?codeTries");

		assertThat(tools.authLogLines()).hasSize(SecondStep.MAX_TRIES)
			.allSatisfy(line -> assertThat(line)
				.matches("\\S+ unban-panel: authentication failure for user=alice from=127\\.0\\.0\\.1"));
		assertThat(tools.fail2ban().awaitBanned(RealTools.PANEL_JAIL)).containsExactly("127.0.0.1");
		Throttled.assertRefusedAtOnce(tools.browser().signIn("alice", TestPanel.PASSWORD));
		String itsRightCode = Totp.code(itsSecret, Totp.step(Instant.now()));
		HttpResponse<String> rightCode = meanwhile.post("/login/totp", Map.of("code", itsRightCode));
		Throttled.assertRefusedAtOnce(rightCode);
		assertThat(rightCode.body()).as("a right code from the same address, password given before")
			.contains("Too many failed sign-ins from your address");
		assertThat(location(meanwhile.post("/login/totp", Map.of("code", itsRightCode))))
			.as("the pending sign-in is over")
			.endsWith("/login");
	}

	private static byte[] enrolmentSecret(PanelBrowser browser) {
		assertThat(location(browser.signIn("alice", TestPanel.PASSWORD))).endsWith("/login/totp");
		return TotpIntegrationTests.secretOn(browser.get("/login/totp").body());
	}

	private static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElse("");
	}

}
