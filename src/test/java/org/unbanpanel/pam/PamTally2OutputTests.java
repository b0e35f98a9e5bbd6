package org.unbanpanel.pam;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.unbanpanel.core.AccountName;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Fed with output recorded from the real pam_tally2 (see {@link PamTally2Recording}), because pam_tally2 is not
 * packaged on Debian 12 and cannot be run here.
 */
class PamTally2OutputTests {

	@Test
	void readsCountTimeAndRemoteHostOfOneUser() {
		LockRecord bob = PamTally2Output.parse(PamTally2Recording.BOB_FIVE_FAILURES.stdout(), AccountName.parse("bob"));

		assertThat(bob).isEqualTo(new LockRecord("bob", 5, LocalDateTime.of(2026, 11, 25, 11, 0, 17), "203.0.113.44"));
	}

	@Test
	void readsZeroCountWithoutTimeAsNoFailures() {
		LockRecord bob = PamTally2Output.parse(PamTally2Recording.BOB_CLEAN.stdout(), AccountName.parse("bob"));

		assertThat(bob).isEqualTo(new LockRecord("bob", 0, null, ""));
		assertThat(bob.hasFailures()).isFalse();
	}

	@Test
	void listsEveryUserWithTtyUnknownSourceAndNamesCutAtFifteen() {
		assertThat(PamTally2Output.parse(PamTally2Recording.ALL_USERS.stdout())).containsExactly(
				new LockRecord("bob", 5, LocalDateTime.of(2026, 11, 25, 11, 0, 17), "203.0.113.44"),
				new LockRecord("alice", 2, LocalDateTime.of(2026, 11, 25, 11, 0, 21), "/dev/pts/1"),
				new LockRecord("averyveryverylo", 3, LocalDateTime.of(2026, 11, 25, 11, 0, 28), "unknown"));
	}

	@Test
	void findsUserLongerThanFifteenByTheCutNameAndKeepsTheFullName() {
		LockRecord user = PamTally2Output.parse(PamTally2Recording.ALL_USERS.stdout(),
				AccountName.parse("averyveryverylongname"));

		assertThat(user)
			.isEqualTo(new LockRecord("averyveryverylongname", 3, LocalDateTime.of(2026, 11, 25, 11, 0, 28), "unknown"));
	}

	@Test
	void doesNotTakeAnotherUsersLineForTheOneAskedFor() {
		LockRecord carol = PamTally2Output.parse(PamTally2Recording.ALL_USERS.stdout(), AccountName.parse("carol"));

		assertThat(carol).isEqualTo(new LockRecord("carol", 0, null, ""));
	}

	@Test
	void refusesOutputItCannotRead() {
		assertThatExceptionOfType(AccountLockException.class)
			.isThrownBy(() -> PamTally2Output.parse(PamTally2Recording.USAGE_ERROR.stdout()))
			.withMessageStartingWith("pam_tally2 printed a line the panel cannot read: pam_tally2: [-f rooted-filename]")
			.extracting(AccountLockException::reason)
			.isEqualTo(AccountLockException.Reason.FAILED);
	}

}
