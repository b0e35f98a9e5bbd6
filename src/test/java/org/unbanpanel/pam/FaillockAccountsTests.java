package org.unbanpanel.pam;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.unbanpanel.core.AccountName;
import org.unbanpanel.core.InvalidValueException;
import org.unbanpanel.exec.CommandResult;
import org.unbanpanel.exec.CommandRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.unbanpanel.exec.CommandRunners.ok;

/**
 * The faillock adapter's own logic over a stubbed runner; the output is the real one from
 * {@link FaillockOutputTests}.
 */
class FaillockAccountsTests {

	private final CommandRunner runner = mock(CommandRunner.class);

	private final AccountName probe = AccountName.parse("upt_probe");

	@Test
	void asksForOneUser() {
		given(runner.run(anyList())).willReturn(ok(FaillockOutputTests.LOCKED));

		LockRecord record = new FaillockAccounts(runner, List.of("faillock"), null).status(probe);

		assertThat(record.failures()).isEqualTo(3);
		verify(runner).run(List.of("faillock", "--user", "upt_probe"));
	}

	@Test
	void readsStateThenResetsOnlyThatUserInThePrivateDirectory() {
		given(runner.run(anyList())).willReturn(ok(FaillockOutputTests.LOCKED), ok(""));
		ArgumentCaptor<List<String>> commands = commandCaptor();

		LockRecord before = new FaillockAccounts(runner, List.of("sudo", "-n", "/usr/sbin/faillock"),
				Path.of("/tmp/faillock-test"))
			.reset(probe);

		assertThat(before)
			.isEqualTo(new LockRecord("upt_probe", 3, LocalDateTime.of(2026, 11, 25, 11, 6, 23), "unban-panel-probe"));
		verify(runner, times(2)).run(commands.capture());
		assertThat(commands.getAllValues()).containsExactly(
				List.of("sudo", "-n", "/usr/sbin/faillock", "--dir", "/tmp/faillock-test", "--user", "upt_probe"),
				List.of("sudo", "-n", "/usr/sbin/faillock", "--dir", "/tmp/faillock-test", "--user", "upt_probe",
						"--reset"));
	}

	@Test
	void listsOnlyUsersWithValidFailures() {
		given(runner.run(anyList())).willReturn(ok(FaillockOutputTests.ALL_USERS));

		List<LockRecord> all = new FaillockAccounts(runner, List.of("faillock"), Path.of("/tmp/fl")).all();

		assertThat(all).extracting(LockRecord::user).containsExactly("upt_probe", "upt_probe2");
		verify(runner).run(List.of("faillock", "--dir", "/tmp/fl"));
	}

	@Test
	void neverRunsWithoutAValidUser() {
		FaillockAccounts accounts = new FaillockAccounts(runner, List.of("faillock"), null);

		assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> accounts.reset(null))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo("invalid.user.empty"));
		assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> accounts.status(null));
		verifyNoInteractions(runner);
	}

	@Test
	void reportsUnknownUserOfNewerFaillock() {
		// faillock after 1.5.2 (main.c do_user) writes this and exits 1; 1.5.2 itself prints nothing
		given(runner.run(anyList()))
			.willReturn(new CommandResult(1, "", "faillock: Error no such user: upt_probe\n", false));

		assertThatExceptionOfType(AccountLockException.class)
			.isThrownBy(() -> new FaillockAccounts(runner, List.of("faillock"), null).status(probe))
			.withMessage("there is no user account named 'upt_probe' (faillock: faillock: Error no such user: upt_probe)")
			.extracting(AccountLockException::reason)
			.isEqualTo(AccountLockException.Reason.UNKNOWN_USER);
	}

	@Test
	void missingTallyDirectoryMeansNoAccountIsLocked() {
		// real faillock 1.5.2: faillock --dir /nonexistent/x, as on a machine where nobody has failed a login yet
		given(runner.run(anyList())).willReturn(
				new CommandResult(2, "", "faillock: Error reading tally directory: No such file or directory\n", false));

		assertThat(new FaillockAccounts(runner, List.of("faillock"), Path.of("target", "no-such-tally")).all()).isEmpty();
	}

	@Test
	void reportsAnUnreadableTallyDirectory() {
		given(runner.run(anyList()))
			.willReturn(new CommandResult(2, "", "faillock: Error reading tally directory: Permission denied\n", false));

		assertThatExceptionOfType(AccountLockException.class)
			.isThrownBy(() -> new FaillockAccounts(runner, List.of("faillock"), Path.of("target", "unreadable-tally")).all())
			.withMessage("faillock failed with exit code 2: faillock: Error reading tally directory: Permission denied");
	}

	@SuppressWarnings("unchecked")
	static ArgumentCaptor<List<String>> commandCaptor() {
		return ArgumentCaptor.forClass(List.class);
	}

}
