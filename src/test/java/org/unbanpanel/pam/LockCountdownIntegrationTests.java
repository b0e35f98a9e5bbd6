package org.unbanpanel.pam;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.unbanpanel.core.AccountName;
import org.unbanpanel.exec.CommandRunners;
import org.unbanpanel.testsupport.Await;
import org.unbanpanel.testsupport.PamLockout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The countdown of a lock, computed from the settings of a real PAM stack (pam_faillock around pam_unix, with a
 * faillock.conf of its own) and checked against what that stack does: refuses the right password until the computed
 * end, and lets it in after.
 */
class LockCountdownIntegrationTests {

	@Test
	void endsTheLockWhenTheStackSaysWithItsArgumentsOverItsFaillockConf() throws Exception {
		try (PamLockout pam = PamLockout.create("deny=3 unlock_time=4", "deny = 9\nunlock_time = 600\nfail_interval = 300\n")) {
			LockPolicy policy = policies(pam).current();
			assertThat(policy).extracting(LockPolicy::deny, LockPolicy::unlockTime, LockPolicy::failInterval)
				.containsExactly(3, Duration.ofSeconds(4), Duration.ofMinutes(5));

			pam.lockOut();
			LockRecord record = accounts(pam).status(AccountName.parse(pam.user()));
			LockState state = policy.state(record, Instant.now(), ZoneId.systemDefault());

			assertThat(state.status()).isEqualTo(LockState.Status.LOCKED);
			assertThat(state.lockedUntil())
				.isEqualTo(record.lastFailure().atZone(ZoneId.systemDefault()).toInstant().plusSeconds(4));
			assertThat(pam.authenticate(pam.password())).as("locked: the right password is refused").isFalse();
			// pam_faillock lets the user in once the end lies in the past, counted in whole seconds
			Await.until("the computed end of the lock", Duration.ofSeconds(10),
					() -> Instant.now().isAfter(state.lockedUntil().plusSeconds(1)));
			assertThat(pam.authenticate(pam.password())).as("past the computed end, the stack lets the user in")
				.isTrue();
		}
	}

	@Test
	void saysNeverWhenFaillockConfSetsNoUnlockTimeAndTheLockStaysUntilAReset() throws Exception {
		try (PamLockout pam = PamLockout.create("deny=2", "unlock_time = never\n")) {
			LockPolicy policy = policies(pam).current();
			pam.fail(2);
			AccountName user = AccountName.parse(pam.user());
			LockState state = policy.state(accounts(pam).status(user), Instant.now(), ZoneId.systemDefault());

			assertThat(policy.unlockTime()).isZero();
			assertThat(state.status()).isEqualTo(LockState.Status.LOCKED_UNTIL_RESET);
			assertThat(state.lockedUntil()).isNull();
			Thread.sleep(2_000);
			assertThat(pam.authenticate(pam.password())).as("still locked: it never ends by itself").isFalse();
			accounts(pam).reset(user);
			assertThat(pam.authenticate(pam.password())).as("a reset ends it").isTrue();
		}
	}

	@Test
	void readsTheLockLimitFromFaillockConfWhenTheStackDoesNotSetIt() {
		try (PamLockout pam = PamLockout.create("unlock_time=600", "deny = 2\n")) {
			LockPolicy policy = policies(pam).current();
			pam.fail(1);
			LockState one = policy.state(accounts(pam).status(AccountName.parse(pam.user())), Instant.now(),
					ZoneId.systemDefault());
			pam.fail(1);

			assertThat(policy.deny()).isEqualTo(2);
			assertThat(one).extracting(LockState::status, LockState::failures, LockState::deny)
				.containsExactly(LockState.Status.BELOW_LIMIT, 1, 2);
			assertThat(pam.authenticate(pam.password())).as("deny = 2 from faillock.conf locks after two").isFalse();
		}
	}

	private static FaillockAccounts accounts(PamLockout pam) {
		return new FaillockAccounts(CommandRunners.real(Duration.ofSeconds(10)), List.of("/usr/sbin/faillock"),
				pam.tallyDir());
	}

	private static LockPolicies policies(PamLockout pam) {
		return new LockPolicies(accounts(pam), new LockPolicyProperties(pam.service(), Path.of("/etc/pam.d"),
				Path.of("/etc/security/faillock.conf")));
	}

}
