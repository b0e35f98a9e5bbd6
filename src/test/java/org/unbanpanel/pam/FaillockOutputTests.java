package org.unbanpanel.pam;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.unbanpanel.core.AccountName;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Fed with output of the real faillock (Debian 12, Linux-PAM 1.5.2), captured on the development machine on
 * 2026-11-25 after failures produced with pamtester against a PAM service with pam_faillock.so (deny=3) and a private
 * tally directory. The lines carry no trailing spaces.
 */
class FaillockOutputTests {

	/** {@code faillock --dir D --user upt_probe} after three failed logins without host or tty: locked. */
	static final String LOCKED = """
			upt_probe:
			When                Type  Source                                           Valid
			2026-11-25 11:06:16 SVC   unban-panel-probe                                    V
			2026-11-25 11:06:21 SVC   unban-panel-probe                                    V
			2026-11-25 11:06:23 SVC   unban-panel-probe                                    V
			""";

	/** {@code faillock --dir D --user upt_probe} after pamtester failures with {@code -I rhost=…, tty=…}. */
	static final String HOST_AND_TTY = """
			upt_probe:
			When                Type  Source                                           Valid
			2026-11-25 11:06:43 RHOST 203.0.113.44                                         V
			2026-11-25 11:06:44 TTY   /dev/pts/1                                           V
			""";

	/** {@code faillock --dir D --user upt_probe} after {@code --reset}: the file is kept, empty. */
	static final String RESET = """
			upt_probe:
			When                Type  Source                                           Valid
			""";

	/**
	 * {@code faillock --dir D} (every user) with unlock_time=2: three failures locked upt_probe, the lock ran out, and
	 * one more failure marked the old records I and was written over the oldest of them, so the slots are out of time
	 * order. faillock 1.5.2 lists every file in the directory, a stray {@code .hidden} included.
	 */
	static final String ALL_USERS = """
			.hidden:
			When                Type  Source                                           Valid
			upt_probe:
			When                Type  Source                                           Valid
			2026-11-25 11:07:34 TTY   /dev/pts/1                                           V
			2026-11-25 11:07:26 RHOST 203.0.113.45                                         I
			2026-11-25 11:07:28 RHOST 203.0.113.46                                         I
			upt_probe2:
			When                Type  Source                                           Valid
			2026-11-25 11:07:38 RHOST 2001:db8::6                                          V
			""";

	private static final AccountName PROBE = AccountName.parse("upt_probe");

	@Test
	void readsLockedUserWithServiceAsSource() {
		assertThat(FaillockOutput.parse(LOCKED, PROBE))
			.isEqualTo(new LockRecord("upt_probe", 3, LocalDateTime.of(2026, 11, 25, 11, 6, 23), "unban-panel-probe"));
	}

	@Test
	void takesTheNewestFailureForTimeAndSource() {
		assertThat(FaillockOutput.parse(HOST_AND_TTY, PROBE))
			.isEqualTo(new LockRecord("upt_probe", 2, LocalDateTime.of(2026, 11, 25, 11, 6, 44), "/dev/pts/1"));
	}

	@Test
	void readsEmptyTallyAfterResetAsNoFailures() {
		assertThat(FaillockOutput.parse(RESET, PROBE)).isEqualTo(new LockRecord("upt_probe", 0, null, ""));
	}

	@Test
	void readsNoOutputAsNoFailures() {
		// faillock 1.5.2 prints nothing, exit 0, for a user without a tally file and for one that does not exist
		assertThat(FaillockOutput.parse("", PROBE)).isEqualTo(new LockRecord("upt_probe", 0, null, ""));
	}

	@Test
	void countsOnlyValidRecordsWhichAreNotInTimeOrder() {
		assertThat(FaillockOutput.parse(ALL_USERS)).containsExactly(new LockRecord(".hidden", 0, null, ""),
				new LockRecord("upt_probe", 1, LocalDateTime.of(2026, 11, 25, 11, 7, 34), "/dev/pts/1"),
				new LockRecord("upt_probe2", 1, LocalDateTime.of(2026, 11, 25, 11, 7, 38), "2001:db8::6"));
	}

	@Test
	void picksTheUserAskedForFromSeveralBlocks() {
		assertThat(FaillockOutput.parse(ALL_USERS, AccountName.parse("upt_probe2")).failures()).isEqualTo(1);
	}

	@Test
	void refusesOutputItCannotRead() {
		assertThatExceptionOfType(AccountLockException.class)
			.isThrownBy(() -> FaillockOutput.parse("upt_probe:\nsomething else\u001b[2J\n"))
			.withMessage("faillock printed a line the panel cannot read: something else\\u001b[2J");
	}

}
