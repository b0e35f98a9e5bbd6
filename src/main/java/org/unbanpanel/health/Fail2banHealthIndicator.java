package org.unbanpanel.health;

import java.time.Instant;
import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;
import org.unbanpanel.fail2ban.Fail2ban;
import org.unbanpanel.fail2ban.Fail2banException;

/**
 * The {@code fail2ban} component of {@code /actuator/health}: UP with fail2ban's version when the server answers,
 * DOWN with the reason when it does not. Each check is one read of fail2ban's version, shared like every read (a check
 * within {@code panel.fail2ban.reads.fresh-for} of the last answer gets that answer), so it turns DOWN at the first
 * check after fail2ban stopped and UP at the first after it is back. While fail2ban is silent (hung), a read answers
 * with the last version it reported; the component is DOWN then, with {@code notAnsweringSince}. Absent when this
 * machine is not one of the panel's hosts ({@code panel.local-host=false}): the hosts page reports the others.
 */
@Component
@ConditionalOnBooleanProperty(name = "panel.local-host", matchIfMissing = true)
class Fail2banHealthIndicator implements HealthIndicator {

	private final Fail2ban fail2ban;

	Fail2banHealthIndicator(Fail2ban fail2ban) {
		this.fail2ban = fail2ban;
	}

	@Override
	public Health health() {
		try {
			String version = fail2ban.version();
			Optional<Instant> silentSince = fail2ban.notAnsweringSince();
			if (silentSince.isPresent()) {
				return Health.down()
					.withDetail("reachable", false)
					.withDetail("reason", "NOT_ANSWERING")
					.withDetail("notAnsweringSince", silentSince.get().toString())
					.withDetail("version", version)
					.build();
			}
			return Health.up().withDetail("reachable", true).withDetail("version", version).build();
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
