package org.unbanpanel.pam;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.unbanpanel.core.AccountName;
import org.unbanpanel.exec.CommandRunners;
import org.unbanpanel.testsupport.PamLockout;
import org.unbanpanel.testsupport.WithRealTools;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The faillock adapter against the real faillock and a real PAM stack ({@link PamLockout}): failures from real
 * authentications, a reset through the adapter, and the right password accepted again.
 */
@WithRealTools(fail2ban = WithRealTools.Fail2banSetUp.NONE, pam = true)
class FaillockIntegrationTests {

	private final PamLockout pam;

	FaillockIntegrationTests(PamLockout pam) {
		this.pam = pam;
	}

	@Test
	void resetThroughTheAdapterLetsTheCorrectPasswordInAgain() {
		AccountLocks accounts = new FaillockAccounts(CommandRunners.real(Duration.ofSeconds(10)),
				List.of("/usr/sbin/faillock"), pam.tallyDir());
		AccountName user = AccountName.parse(pam.user());
		assertThat(pam.authenticate(pam.password())).as("the test service authenticates the right password").isTrue();
		pam.lockOut();
		assertThat(pam.authenticate(pam.password())).as("locked after deny=3: the right password is refused").isFalse();

		LockRecord locked = accounts.status(user);
		assertThat(locked.failures()).isEqualTo(PamLockout.DENY);
		assertThat(locked.source()).isEqualTo(PamLockout.RHOST);
		assertThat(locked.lastFailure()).isBetween(LocalDateTime.now().minusMinutes(2), LocalDateTime.now());
		assertThat(accounts.all()).contains(locked);

		assertThat(accounts.reset(user)).isEqualTo(locked);

		assertThat(accounts.status(user).hasFailures()).isFalse();
		assertThat(accounts.all()).extracting(LockRecord::user).doesNotContain(pam.user());
		assertThat(pam.authenticate(pam.password())).as("unlocked by the reset").isTrue();
	}

}
