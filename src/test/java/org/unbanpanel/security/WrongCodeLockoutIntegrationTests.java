package org.unbanpanel.security;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.unbanpanel.testsupport.Fail2banServer;
import org.unbanpanel.testsupport.PanelBrowser;
import org.unbanpanel.testsupport.TestPanel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Someone who holds a stolen password must not guess the second factor's codes without end: every wrong code is a
 * failed sign-in for the shipped {@code unban-panel} jail of a private fail2ban-server and for the panel's throttle.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WrongCodeLockoutIntegrationTests {

	private static final Path DIRECTORY = Path.of("target", "code-lockout-test-" + UUID.randomUUID()).toAbsolutePath();

	private static final Path AUTH_LOG = DIRECTORY.resolve("auth.log");

	private static Fail2banServer fail2ban;

	@LocalServerPort
	private int port;

	@BeforeAll
	static void startFail2banOnTheAuthLog() throws IOException {
		fail2ban = PanelLockoutIntegrationTests.startTheShippedJail(AUTH_LOG);
	}

	@AfterAll
	static void stopFail2ban() {
		if (fail2ban != null) {
			fail2ban.close();
		}
	}

	@DynamicPropertySource
	static void panel(DynamicPropertyRegistry registry) {
		TestPanel.withoutTools(registry);
		registry.add("panel.data-dir", DIRECTORY.resolve("data")::toString);
		registry.add("panel.security.auth-log", AUTH_LOG::toString);
		registry.add("panel.security.require-totp", () -> "true");
		TestPanel.users(registry, "alice", "ADMIN");
	}

	@Test
	void wrongCodesAfterTheRightPasswordGetTheAddressBanned() throws Exception {
		PanelBrowser meanwhile = new PanelBrowser(port);
		byte[] itsSecret = enrolmentSecret(meanwhile);
		PanelBrowser browser = new PanelBrowser(port);
		byte[] secret = enrolmentSecret(browser);
		String wrongCode = TotpIntegrationTests.wrong(secret, Totp.step(Instant.now()));
		for (int attempt = 0; attempt < SecondStep.MAX_TRIES - 1; attempt++) {
			assertThat(browser.post("/login/totp", Map.of("code", wrongCode)).body()).contains("That code is not right");
		}
		assertThat(location(browser.post("/login/totp", Map.of("code", wrongCode)))).endsWith("/login?codeTries");

		assertThat(Files.readAllLines(AUTH_LOG)).hasSize(SecondStep.MAX_TRIES)
			.allSatisfy(line -> assertThat(line)
				.matches("\\S+ unban-panel: authentication failure for user=alice from=127\\.0\\.0\\.1"));
		assertThat(PanelLockoutIntegrationTests.awaitBanned(fail2ban)).containsExactly("127.0.0.1");
		assertThat(location(new PanelBrowser(port).signIn("alice", TestPanel.PASSWORD)))
			.as("the right password from the same address")
			.endsWith("/login?throttled");
		assertThat(location(meanwhile.post("/login/totp", Map.of("code", Totp.code(itsSecret, Totp.step(Instant.now()))))))
			.as("a right code from the same address, password given before")
			.endsWith("/login?throttled");
	}

	private static byte[] enrolmentSecret(PanelBrowser browser) {
		assertThat(location(browser.signIn("alice", TestPanel.PASSWORD))).endsWith("/login/totp");
		return TotpIntegrationTests.secretOn(browser.get("/login/totp").body());
	}

	private static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElse("");
	}

}
