package org.unbanpanel.trust;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.testsupport.Await;
import org.unbanpanel.testsupport.Fail2banServer;
import org.unbanpanel.testsupport.PanelApplication;
import org.unbanpanel.testsupport.WithRealTools;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trusts against the real private fail2ban-server, with the whole panel started and stopped as in production: a
 * trusted address is ignored when its failed logins reach the log while another is banned, and the trust ends on time,
 * also when the panel was stopped meanwhile and fail2ban restarted.
 */
@WithRealTools
class TrustRealFail2banTests {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	/** Long enough for the panel to stop before it ends, even on a busy machine. */
	private static final Duration SHORT = Duration.ofSeconds(10);

	private final Fail2banServer server;

	private final Path dataDirectory = Path.of("target", "test-data", UUID.randomUUID().toString()).toAbsolutePath();

	TrustRealFail2banTests(Fail2banServer server) {
		this.server = server;
	}

	@Test
	void ignoresTheFailedLoginsOfATrustedAddressWhileAnotherInTheSameLinesIsBanned() throws InterruptedException {
		try (ConfigurableApplicationContext panel = startPanel()) {
			panel.getBean(TrustService.class)
				.trust("local", targets("203.0.113.50"), Duration.ofHours(1), "alice", "198.51.100.2", null);
			assertThat(server.ignoredIn("sshd")).contains("203.0.113.50");

			server.failLogins("sshd", "203.0.113.50", "198.51.100.60");

			Await.until("fail2ban to ban 198.51.100.60", PATIENCE,
					() -> server.bannedIn("sshd").contains("198.51.100.60"));
			assertThat(server.serverLog()).contains("[sshd] Ignore 203.0.113.50 by ip");
			assertThat(server.bannedIn("sshd")).doesNotContain("203.0.113.50");
		}
		finally {
			server.unbanAll();
		}
	}

	@Test
	void takesTheAddressOffEveryIgnoreListWhenItsTimeRunsOut() throws InterruptedException {
		try (ConfigurableApplicationContext panel = startPanel()) {
			TrustService trusts = panel.getBean(TrustService.class);
			trusts.trust("local", targets("203.0.113.51"), SHORT, "alice", "198.51.100.2", null);
			assertThat(Fail2banServer.JAILS)
				.allSatisfy(jail -> assertThat(server.ignoredIn(jail)).contains("203.0.113.51"));

			Await.until("the trust to end", PATIENCE, () -> ignoredNowhere("203.0.113.51"));
			assertThat(trusts.current()).isEmpty();
		}
	}

	@Test
	void leavesAnAddressOnTheListOfAJailThatIgnoredItBeforeWhenTheTrustEnds() throws InterruptedException {
		server.client(List.of("set", "mxcp", "addignoreip", "203.0.113.55"));
		try (ConfigurableApplicationContext panel = startPanel()) {
			TrustService trusts = panel.getBean(TrustService.class);
			trusts.trust("local", targets("203.0.113.55"), SHORT, "alice", "198.51.100.2", null);

			Await.until("the trust to end", PATIENCE, () -> trusts.current().isEmpty());
			assertThat(server.ignoredIn("mxcp")).contains("203.0.113.55");
			assertThat(Fail2banServer.JAILS.stream().filter(jail -> !jail.equals("mxcp")))
				.allSatisfy(jail -> assertThat(server.ignoredIn(jail)).doesNotContain("203.0.113.55"));
		}
		finally {
			server.client(List.of("set", "mxcp", "delignoreip", "203.0.113.55"));
		}
	}

	@Test
	void endsTrustsOnTimeAcrossARestartOfThePanelAndOfFail2ban() throws InterruptedException {
		Instant firstEnd;
		try (ConfigurableApplicationContext panel = startPanel()) {
			TrustService trusts = panel.getBean(TrustService.class);
			firstEnd = Instant.now().plus(SHORT);
			trusts.trust("local", targets("203.0.113.52"), SHORT, "alice", "198.51.100.2", null);
			trusts.trust("local", targets("2001:db8::53"), Duration.ofSeconds(60), "alice", "198.51.100.2", null);
		}
		assertThat(Instant.now()).as("the panel stopped before the first trust ended").isBefore(firstEnd);
		Thread.sleep(Duration.between(Instant.now(), firstEnd).plusSeconds(1).toMillis());
		assertThat(server.ignoredIn("sasl")).as("nobody ended the trust while the panel was stopped")
			.contains("203.0.113.52", "2001:db8::53");
		server.stop();
		server.ensureRunning();
		assertThat(server.ignoredIn("sasl")).as("fail2ban forgets its runtime ignore list when restarted").isEmpty();

		try (ConfigurableApplicationContext panel = startPanel()) {
			Await.until("the panel to add the remaining trust again", PATIENCE,
					() -> Fail2banServer.JAILS.stream().allMatch(jail -> server.ignoredIn(jail).contains("2001:db8::53")));
			assertThat(panel.getBean(TrustService.class).current()).extracting(Trust::address)
				.containsExactly("2001:db8::53");
			assertThat(ignoredNowhere("203.0.113.52")).isTrue();

			Await.until("the second trust to end", PATIENCE, () -> ignoredNowhere("2001:db8::53"));
		}
	}


	@Test
	void putsATrustBackWhenFail2banReloadsAndEmptiesTheIgnoreLists() throws InterruptedException {
		try (ConfigurableApplicationContext panel = startPanel("--panel.trust.check-interval=1s")) {
			TrustService trusts = panel.getBean(TrustService.class);
			trusts.trust("local", targets("203.0.113.56"), Duration.ofHours(1), "alice", "198.51.100.2", null);
			// twice: lost again after a regular check has put them back, they come back again
			for (int reload = 0; reload < 2; reload++) {
				server.client(List.of("reload"));
				assertThat(server.ignoredIn("dovecot")).as("fail2ban empties its ignore lists when it reloads")
					.isEmpty();

				Await.until("the panel to put the trust back", PATIENCE, () -> Fail2banServer.JAILS.stream()
					.allMatch(jail -> server.ignoredIn(jail).contains("203.0.113.56")));
			}
			trusts.end(trusts.current().get(0).id(), "alice", "198.51.100.2");
			assertThat(ignoredNowhere("203.0.113.56")).isTrue();
		}
	}

	private boolean ignoredNowhere(String address) {
		return Fail2banServer.JAILS.stream().noneMatch(jail -> server.ignoredIn(jail).contains(address));
	}

	private ConfigurableApplicationContext startPanel(String... settings) {
		return PanelApplication.start(server, dataDirectory, settings);
	}

	private static List<BanTarget> targets(String... values) {
		return List.of(values).stream().map(BanTarget::parse).toList();
	}

}
