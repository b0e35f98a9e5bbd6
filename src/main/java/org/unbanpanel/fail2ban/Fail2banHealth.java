package org.unbanpanel.fail2ban;

import java.time.Duration;

import org.springframework.stereotype.Component;
import org.unbanpanel.core.Explanation;

/**
 * Whether fail2ban answers, remembered for a few seconds so that a busy page does not start one fail2ban-client per
 * request. Every page shows a signed-in user the problem, if any, in a banner (fragments/layout.html asks for it only
 * then, so API calls, redirects and the sign-in page never start a fail2ban-client). The layout finds it by its
 * bean name, which is set here so that a test slice importing the class registers it under the same name.
 */
@Component("fail2banHealth")
public class Fail2banHealth {

	static final Duration REMEMBER_FOR = Duration.ofSeconds(5);

	private final Fail2ban fail2ban;

	private volatile Reading last;

	Fail2banHealth(Fail2ban fail2ban) {
		this.fail2ban = fail2ban;
	}

	/** What is wrong with fail2ban, said in the page's language, or {@code null} when it answers. */
	public Explanation problem() {
		return current().problem();
	}

	private Reading current() {
		Reading reading = last;
		long now = System.nanoTime();
		if (reading == null || now - reading.at() > REMEMBER_FOR.toNanos()) {
			reading = read(now);
			last = reading;
		}
		return reading;
	}

	private Reading read(long now) {
		try {
			fail2ban.version();
			return new Reading(now, null);
		}
		catch (Fail2banException ex) {
			return new Reading(now, ex.explanation());
		}
	}

	private record Reading(long at, Explanation problem) {
	}

}
