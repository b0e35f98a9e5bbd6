package org.unbanpanel.pam;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.unbanpanel.core.AccountName;
import org.unbanpanel.core.InvalidValueException;
import org.unbanpanel.exec.CommandRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * pam_tally2 is not packaged on Debian 12, so the adapter runs against a stubbed runner that answers with stdout,
 * stderr and exit code recorded from the real pam_tally2 ({@link PamTally2Recording}).
 */
class PamTally2AccountsTests {

	private final CommandRunner runner = mock(CommandRunner.class);

	private final PamTally2Accounts accounts = new PamTally2Accounts(runner, List.of("pam_tally2"),
			Path.of("/var/log/tallylog"));

	private final AccountName bob = AccountName.parse("bob");

	@Test
	void resetsOneUserInOneRunAndReturnsTheStateBefore() {
		given(runner.run(anyList())).willReturn(PamTally2Recording.BOB_FIVE_FAILURES);

		LockRecord before = accounts.reset(bob);

		assertThat(before).isEqualTo(new LockRecord("bob", 5, LocalDateTime.of(2026, 11, 25, 11, 0, 17), "203.0.113.44"));
		verify(runner).run(List.of("pam_tally2", "--file", "/var/log/tallylog", "--user", "bob", "--reset"));
	}

	@Test
	void asksForOneUserWithTheToolsDefaultFile() {
		given(runner.run(anyList())).willReturn(PamTally2Recording.BOB_CLEAN);

		LockRecord record = new PamTally2Accounts(runner, List.of("sudo", "-n", "/sbin/pam_tally2"), null).status(bob);

		assertThat(record.hasFailures()).isFalse();
		verify(runner).run(List.of("sudo", "-n", "/sbin/pam_tally2", "--user", "bob"));
	}

	@Test
	void listsEveryUserWithFailures() {
		given(runner.run(anyList())).willReturn(PamTally2Recording.ALL_USERS);

		assertThat(accounts.all()).extracting(LockRecord::user).containsExactly("bob", "alice", "averyveryverylo");
		verify(runner).run(List.of("pam_tally2", "--file", "/var/log/tallylog"));
	}

	@Test
	void reportsUnknownUser() {
		given(runner.run(anyList())).willReturn(PamTally2Recording.UNKNOWN_USER);

		assertThatExceptionOfType(AccountLockException.class)
			.isThrownBy(() -> accounts.status(AccountName.parse("nosuchuser")))
			.withMessage("there is no user account named 'nosuchuser'"
					+ " (pam_tally2: pam_tally2: pam_get_uid; no such user nosuchuser)")
			.extracting(AccountLockException::reason)
			.isEqualTo(AccountLockException.Reason.UNKNOWN_USER);
	}

	@Test
	void reportsMissingTallyDirectoryReadably() {
		given(runner.run(anyList())).willReturn(PamTally2Recording.MISSING_TALLY_DIR);

		assertThatExceptionOfType(AccountLockException.class).isThrownBy(() -> accounts.reset(bob))
			.withMessage("pam_tally2 failed with exit code 1:"
					+ " pam_tally2: Couldn't create /nonexistent/dir/tallylog: No such file or directory")
			.extracting(AccountLockException::reason)
			.isEqualTo(AccountLockException.Reason.FAILED);
	}

	@Test
	void reportsUsageError() {
		given(runner.run(anyList())).willReturn(PamTally2Recording.USAGE_ERROR);

		assertThatExceptionOfType(AccountLockException.class).isThrownBy(() -> accounts.status(bob))
			.withMessage("pam_tally2 failed with exit code 2: --bogus: Unrecognised option --bogus");
	}

	@Test
	void neverResetsWithoutAValidUser() {
		assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> accounts.reset(null));
		verifyNoInteractions(runner);
	}

	@Test
	void treatsAListedNameOfFifteenCharactersAsPossiblyCut() {
		AccountLocks tally = new PamTally2Accounts(runner, List.of("pam_tally2"), null);

		assertThat(tally.listsWholeName("bob")).isTrue();
		assertThat(tally.listsWholeName("averyveryverylo")).isFalse();
	}

}
