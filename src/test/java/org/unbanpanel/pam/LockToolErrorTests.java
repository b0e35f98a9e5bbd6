package org.unbanpanel.pam;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.core.AccountName;
import org.unbanpanel.exec.CommandException;
import org.unbanpanel.exec.CommandRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/** A runner that could not run the tool gives a distinct, readable reason; the messages are the runner's own. */
class LockToolErrorTests {

	private static final List<String> COMMAND = List.of("sudo", "-n", "/usr/sbin/faillock", "--user", "bob");

	private final CommandRunner runner = mock(CommandRunner.class);

	private final AccountLocks accounts = new FaillockAccounts(runner, List.of("sudo", "-n", "/usr/sbin/faillock"),
			null);

	@Test
	void missingProgram() {
		failWith(CommandException.Reason.NOT_FOUND, Explanation.of("command.notFound", "/usr/sbin/faillock"));

		assertThat(statusError()).hasMessage(
				"faillock is not installed where the panel looks for it: cannot run /usr/sbin/faillock: no such executable program")
			.extracting(AccountLockException::reason)
			.isEqualTo(AccountLockException.Reason.NOT_RUNNABLE);
	}

	@Test
	void sudoRefusing() {
		failWith(CommandException.Reason.SUDO_REFUSED,
				Explanation.of("command.sudoRefused", "/usr/sbin/faillock", "sudo: a password is required"));

		assertThat(statusError())
			.hasMessage("faillock is not allowed to run (check the sudoers rule for the panel's user):"
					+ " sudo refused to run /usr/sbin/faillock: sudo: a password is required")
			.extracting(AccountLockException::reason)
			.isEqualTo(AccountLockException.Reason.NOT_RUNNABLE);
	}

	@Test
	void timeout() {
		failWith(CommandException.Reason.TIMEOUT, Explanation.of("command.timeout", "sudo", 10_000));

		assertThat(statusError())
			.hasMessage("faillock did not finish in time: sudo did not answer within 10000 ms and was stopped")
			.extracting(AccountLockException::reason)
			.isEqualTo(AccountLockException.Reason.TIMEOUT);
	}

	@Test
	void startFailure() {
		failWith(CommandException.Reason.START_FAILED,
				Explanation.of("command.startFailed", "sudo", "error=24, Too many open files"));

		assertThat(statusError())
			.hasMessage("faillock could not be started: cannot start sudo: error=24, Too many open files")
			.extracting(AccountLockException::reason)
			.isEqualTo(AccountLockException.Reason.NOT_RUNNABLE);
	}

	@Test
	void refusesAnEmptyCommand() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new PamTally2Accounts(runner, List.of(), null))
			.withMessage("the pam_tally2 command is empty");
	}

	private void failWith(CommandException.Reason reason, Explanation message) {
		given(runner.run(anyList())).willThrow(new CommandException(reason, message));
	}

	private AccountLockException statusError() {
		return catchThrowableOfType(AccountLockException.class,
				() -> accounts.status(AccountName.parse("bob")));
	}

}
