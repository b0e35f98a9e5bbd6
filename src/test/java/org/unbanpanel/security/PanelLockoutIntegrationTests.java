package org.unbanpanel.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.unbanpanel.testsupport.Fail2banServer;
import org.unbanpanel.testsupport.PanelBrowser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The panel protects itself with fail2ban: a private fail2ban-server runs the shipped {@code unban-panel} filter and
 * jail ({@code config/fail2ban/}) on the panel's auth log, and five failed sign-ins over HTTP get the address banned,
 * however the user names try to forge other addresses into the log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PanelLockoutIntegrationTests {

	static final String JAIL = "unban-panel";

	static final String PASSWORD = "correct horse battery staple";

	/** Wrong sign-ins, four of them with a user name that tries to put another address into fail2ban's hands. */
	static final List<String> USER_NAMES = List.of("alice", "x from=203.0.113.9",
			"bob\n2026-11-25T10:00:00+0000 unban-panel: authentication failure for user=y from=203.0.113.10",
			"carol\r from=203.0.113.11", "dave\u0000\u001b[2J from=203.0.113.12");

	private static final Path SHIPPED = Path.of("config/fail2ban");

	private static final Path DIRECTORY = Path.of("target", "lockout-test-" + UUID.randomUUID()).toAbsolutePath();

	private static final Path AUTH_LOG = DIRECTORY.resolve("auth.log");

	private static Fail2banServer fail2ban;

	@LocalServerPort
	private int port;

	@BeforeAll
	static void startFail2banOnTheAuthLog() throws IOException {
		fail2ban = startTheShippedJail(AUTH_LOG);
	}

	/** A private fail2ban-server with the shipped {@code unban-panel} jail reading the given, new auth log. */
	static Fail2banServer startTheShippedJail(Path authLog) throws IOException {
		Files.createDirectories(authLog.getParent());
		Files.createFile(authLog);
		return Fail2banServer.start(new Fail2banServer.ShippedJail(JAIL, SHIPPED.resolve("filter.d/unban-panel.conf"),
				SHIPPED.resolve("jail.d/unban-panel.conf"), authLog));
	}

	@AfterAll
	static void stopFail2ban() {
		if (fail2ban != null) {
			fail2ban.close();
		}
	}

	@DynamicPropertySource
	static void panel(DynamicPropertyRegistry registry) {
		registry.add("panel.fail2ban.command", () -> String.join(",", fail2ban.command()));
		registry.add("panel.data-dir", DIRECTORY.resolve("data")::toString);
		registry.add("panel.security.auth-log", AUTH_LOG::toString);
		registry.add("panel.users[0].username", () -> "alice");
		registry.add("panel.users[0].password", () -> "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD));
		registry.add("panel.users[0].role", () -> "ADMIN");
	}

	@Test
	void fiveFailedSignInsGetTheAddressBannedByTheShippedJail() throws Exception {
		assertThat(fail2ban.client(List.of("get", JAIL, "maxretry")).strip()).isEqualTo("5");
		assertThat(fail2ban.client(List.of("get", JAIL, "bantime")).strip()).isEqualTo("3600");
		PanelBrowser browser = new PanelBrowser(port);

		for (String username : USER_NAMES) {
			assertThat(browser.signIn(username, "wrong").headers().firstValue("Location")).hasValueSatisfying(
					location -> assertThat(location).endsWith("/login?error"));
		}

		assertThat(Files.readAllLines(AUTH_LOG)).hasSize(5)
			.allSatisfy(line -> assertThat(line)
				.matches("\\S+ unban-panel: authentication failure for user=\\S* from=127\\.0\\.0\\.1"));
		assertThat(awaitBanned(fail2ban)).containsExactly("127.0.0.1");
		assertThat(browser.signIn("alice", PASSWORD).headers().firstValue("Location"))
			.hasValueSatisfying(location -> assertThat(location).endsWith("/login?throttled"));
	}

	/** What the jail holds once it holds anything, or nothing after 20 s. */
	static List<String> awaitBanned(Fail2banServer fail2ban) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		List<String> banned = fail2ban.bannedIn(JAIL);
		while (banned.isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(200);
			banned = fail2ban.bannedIn(JAIL);
		}
		return banned;
	}

}
