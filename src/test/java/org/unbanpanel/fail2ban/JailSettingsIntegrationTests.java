package org.unbanpanel.fail2ban;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import org.unbanpanel.exec.CommandRunners;
import org.unbanpanel.testsupport.Fail2banServer;
import org.unbanpanel.testsupport.Fail2banServer.PackagedFilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The settings reader against a private fail2ban-server with a file jail and a journal jail. */
class JailSettingsIntegrationTests {

	private static Path journal;

	private static Fail2banServer server;

	private static JailSettings settings;

	@BeforeAll
	static void start() throws IOException {
		journal = Files.createDirectories(Path.of("target", "journal-" + UUID.randomUUID()).toAbsolutePath());
		server = Fail2banServer.start(PackagedFilter.onJournal("ssh-ddos", "sshd", journal));
		settings = new CommandJailSettings(CommandRunners.real(Duration.ofSeconds(30)),
				new Fail2banProperties(server.command()));
	}

	@AfterAll
	static void stop() {
		if (server != null) {
			server.close();
		}
		FileSystemUtils.deleteRecursively(journal.toFile());
	}

	@Test
	void readsWhereAFileJailAndAJournalJailRead() {
		assertThat(settings.logSources("dovecot"))
			.isEqualTo(new LogSources(List.of(server.logFile("dovecot").toString()), List.of()));
		assertThat(settings.logSources("ssh-ddos"))
			.isEqualTo(new LogSources(List.of(), List.of("_SYSTEMD_UNIT=sshd.service", "+", "_COMM=sshd")));
		assertThat(settings.findTime("sshd")).isEqualTo(Duration.ofMinutes(10));
		assertThat(settings.logTarget()).endsWith("/fail2ban.log");
	}

	@Test
	void readsAJailsRulesWithItsIncrementAndIgnoreList() {
		server.client(List.of("set", "mxcp", "bantime.increment", "true"));
		server.client(List.of("set", "mxcp", "bantime.maxtime", "1w"));
		server.client(List.of("set", "mxcp", "addignoreip", "10.1.2.0/24"));

		JailRules rules = settings.rules("mxcp");

		assertThat(rules.maxRetry()).isEqualTo(Fail2banServer.MAX_RETRY);
		assertThat(rules.findTime()).isEqualTo(Duration.ofMinutes(10));
		assertThat(rules.banTime()).isEqualTo(Duration.ofHours(1));
		assertThat(rules.increment()).isEqualTo(new JailRules.Increment(null, null, Duration.ofDays(7)));
		assertThat(rules.sources().files()).containsExactly(server.logFile("mxcp").toString());
		assertThat(rules.actions()).containsExactly("dummy");
		assertThat(rules.ignoreIp()).containsExactly("10.1.2.0/24");
		assertThat(settings.rules("sshd").increment()).as("bantime.increment is off by default").isNull();
	}

	@Test
	void saysWhenFail2banHasNoSuchJail() {
		assertThatExceptionOfType(Fail2banException.class).isThrownBy(() -> settings.rules("nosuch"))
			.satisfies(ex -> assertThat(ex.reason()).isEqualTo(Fail2banException.Reason.REFUSED));
	}

}
