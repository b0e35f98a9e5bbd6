package org.unbanpanel.exec;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SudoRefusalTests {

	private static final List<String> THROUGH_SUDO = List.of("/usr/bin/sudo", "-n", "/usr/bin/fail2ban-client", "--",
			"set", "logtarget", "addignoreip", "1.2.3.4");

	@Test
	void aCommandNoRuleAllowsIsARefusal() {
		CommandResult asked = new CommandResult(1, "", "sudo: a password is required\n", false);

		assertThatThrownBy(() -> SudoRefusal.check(THROUGH_SUDO, asked)).isInstanceOfSatisfying(CommandException.class,
				ex -> assertThat(ex.reason()).isEqualTo(CommandException.Reason.SUDO_REFUSED));
	}

	/** Real words of sudo 1.9.13 (Debian 12) for a command the shipped rules forbid with {@code !}. */
	@Test
	void aCommandARuleForbidsIsARefusal() {
		CommandResult forbidden = new CommandResult(1, "", "Sorry, user unban-panel is not allowed to execute "
				+ "'/usr/bin/fail2ban-client -- set logtarget addignoreip 1.2.3.4' as root on mail.\n", false);

		assertThatThrownBy(() -> SudoRefusal.check(THROUGH_SUDO, forbidden))
			.isInstanceOfSatisfying(CommandException.class, ex -> {
				assertThat(ex.reason()).isEqualTo(CommandException.Reason.SUDO_REFUSED);
				assertThat(ex.getMessage()).startsWith("sudo refused to run /usr/bin/fail2ban-client: Sorry, user");
			});
	}

	@Test
	void theProgramsOwnFailureBehindSudoIsItsResult() {
		CommandResult failed = new CommandResult(1, "", "ERROR  NOK: ('sshd',)\n", false);

		assertThat(SudoRefusal.check(THROUGH_SUDO, failed)).isSameAs(failed);
	}

	@Test
	void aProgramNotRunThroughSudoIsNeverARefusal() {
		CommandResult result = new CommandResult(1, "", "sudo: looks like sudo's words\n", false);

		assertThat(SudoRefusal.check(List.of("fail2ban-client", "ping"), result)).isSameAs(result);
	}

}
