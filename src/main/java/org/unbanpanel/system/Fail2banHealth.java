package org.unbanpanel.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;
import org.unbanpanel.fail2ban.Fail2ban;
import org.unbanpanel.fail2ban.Fail2banException;

/**
 * Whether fail2ban answers, remembered for a few seconds so that a busy page does not start one fail2ban-client per
 * request. Every page shows the problem, if any, in a banner.
 */
@Component
public class Fail2banHealth {

	static final Duration REMEMBER_FOR = Duration.ofSeconds(5);

	private final Fail2ban fail2ban;

	private final Clock clock;

	private volatile Reading last = new Reading(Instant.MIN, null, null);

	Fail2banHealth(Fail2ban fail2ban) {
		this(fail2ban, Clock.systemUTC());
	}

	Fail2banHealth(Fail2ban fail2ban, Clock clock) {
		this.fail2ban = fail2ban;
		this.clock = clock;
	}

	/** What is wrong with fail2ban, in words for the page, or {@code null} when it answers. */
	public String problem() {
		return current().problem();
	}

	/** The version fail2ban reported, or {@code null} when it does not answer. */
	public String version() {
		return current().version();
	}

	private Reading current() {
		Reading reading = last;
		Instant now = clock.instant();
		if (reading.at().plus(REMEMBER_FOR).isBefore(now)) {
			reading = read(now);
			last = reading;
		}
		return reading;
	}

	private Reading read(Instant now) {
		try {
			return new Reading(now, fail2ban.version(), null);
		}
		catch (Fail2banException ex) {
			return new Reading(now, null, ex.getMessage());
		}
	}

	private record Reading(Instant at, String version, String problem) {
	}

}
