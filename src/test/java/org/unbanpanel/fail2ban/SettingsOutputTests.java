package org.unbanpanel.fail2ban;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The answers of fail2ban-client 1.0.2, captured from a private server with a file jail and a systemd jail. */
class SettingsOutputTests {

	@Test
	void readsTheMonitoredFiles() {
		assertThat(SettingsOutput.logPaths("Current monitored log file(s):\n`- /var/log/auth.log\n"))
			.containsExactly("/var/log/auth.log");
		assertThat(SettingsOutput.logPaths("Current monitored log file(s):\n|- /var/log/mail.log\n`- /var/log/mail.warn\n"))
			.containsExactly("/var/log/mail.log", "/var/log/mail.warn");
		assertThat(SettingsOutput.logPaths("No file is currently monitored\n")).isEmpty();
	}

	@Test
	void readsTheJournalMatchAsJournalctlsWords() {
		assertThat(SettingsOutput.journalMatch("Current match filter:\n_SYSTEMD_UNIT=sshd.service + _COMM=sshd\n"))
			.containsExactly("_SYSTEMD_UNIT=sshd.service", "+", "_COMM=sshd");
		assertThat(SettingsOutput.journalMatch("No journal match filter set\n")).isEmpty();
	}

	@Test
	void readsTheLogTargetAndTheActions() {
		assertThat(SettingsOutput.logTarget("Current logging target is:\n`- /var/log/fail2ban.log\n"))
			.isEqualTo("/var/log/fail2ban.log");
		assertThat(SettingsOutput.actions("The jail sshd has the following actions:\niptables-multiport, sendmail\n"))
			.containsExactly("iptables-multiport", "sendmail");
		assertThat(SettingsOutput.actions("No actions for jail sshd\n")).isEmpty();
	}

	@Test
	void readsCountsFlagsAndOptionalValues() {
		assertThat(SettingsOutput.count("5\n")).isEqualTo(5);
		assertThat(SettingsOutput.flag("True\n")).isTrue();
		assertThat(SettingsOutput.flag("None\n")).isFalse();
		assertThat(SettingsOutput.optional("None\n")).isNull();
		assertThat(SettingsOutput.optional("604800\n")).isEqualTo("604800");
	}

	@Test
	void refusesAnythingElse() {
		assertThatIllegalArgumentException().isThrownBy(() -> SettingsOutput.logPaths("Sorry but the jail 'x' does not exist"));
		assertThatIllegalArgumentException().isThrownBy(() -> SettingsOutput.count("five"));
		assertThatIllegalArgumentException().isThrownBy(() -> SettingsOutput.flag("yes"));
		assertThatIllegalArgumentException().isThrownBy(() -> SettingsOutput.journalMatch("Current match filter:\n"));
	}

}
