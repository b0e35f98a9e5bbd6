package org.unbanpanel.health;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;
import org.unbanpanel.fail2ban.Fail2ban;
import org.unbanpanel.fail2ban.Fail2banException;

/**
 * The {@code fail2ban} component of {@code /actuator/health}: UP with fail2ban's version when the server answers,
 * DOWN with the reason when it does not. Asked afresh at every check (one fail2ban-client run, within the command
 * timeout), so it turns DOWN at the first check after fail2ban stopped and UP at the first after it is back.
 */
@Component
class Fail2banHealthIndicator implements HealthIndicator {

	private final Fail2ban fail2ban;

	Fail2banHealthIndicator(Fail2ban fail2ban) {
		this.fail2ban = fail2ban;
	}

	@Override
	public Health health() {
		try {
			return Health.up().withDetail("reachable", true).withDetail("version", fail2ban.version()).build();
		}
		catch (Fail2banException ex) {
			return Health.down()
				.withDetail("reachable", false)
				.withDetail("reason", ex.reason().name())
				.withDetail("error", ex.getMessage())
				.build();
		}
	}

}
