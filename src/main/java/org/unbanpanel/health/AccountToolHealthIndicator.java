package org.unbanpanel.health;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;
import org.unbanpanel.pam.AccountLockException;
import org.unbanpanel.pam.AccountLocks;

/**
 * The {@code accountTool} component of {@code /actuator/health}: which tool keeps the account locks (faillock,
 * pam_tally2 or none) and whether it is present and runs, found by listing the locked accounts once per check.
 * UNKNOWN when the panel manages no account locks. Absent when this machine is not one of the panel's hosts
 * ({@code panel.local-host=false}).
 */
@Component
@ConditionalOnBooleanProperty(name = "panel.local-host", matchIfMissing = true)
class AccountToolHealthIndicator implements HealthIndicator {

	private final AccountLocks accountLocks;

	AccountToolHealthIndicator(AccountLocks accountLocks) {
		this.accountLocks = accountLocks;
	}

	@Override
	public Health health() {
		try {
			accountLocks.all();
			return Health.up().withDetail("tool", accountLocks.backend()).withDetail("present", true).build();
		}
		catch (AccountLockException ex) {
			Health.Builder health = ex.reason() == AccountLockException.Reason.NOT_CONFIGURED ? Health.unknown()
					: Health.down();
			return health.withDetail("tool", accountLocks.backend())
				.withDetail("present", false)
				.withDetail("error", ex.getMessage())
				.build();
		}
	}

}
