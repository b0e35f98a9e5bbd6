package org.unbanpanel.fail2ban;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unbanpanel.exec.CommandRunners;
import org.unbanpanel.testsupport.Fail2banServer;
import org.unbanpanel.testsupport.WithRealTools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The settings reader against a private fail2ban-server with file jails and a journal jail. */
@WithRealTools(fail2ban = WithRealTools.Fail2banSetUp.DEBIAN_FILTERS)
class JailSettingsIntegrationTests {

	private static Fail2banServer server;

	private static JailSettings settings;

	@BeforeAll
	static void connect(Fail2banServer started) {
		server = started;
		settings = new CommandJailSettings(CommandRunners.real(Duration.ofSeconds(30)),
				new Fail2banProperties(server.command()));
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
