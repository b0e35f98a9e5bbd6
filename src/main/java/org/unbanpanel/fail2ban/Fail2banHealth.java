package org.unbanpanel.fail2ban;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.unbanpanel.core.Explanation;

/**
 * Whether fail2ban answers, remembered for a few seconds from the moment its answer arrived, so that a busy page does
 * not start one fail2ban-client per request. Every page shows a signed-in user the problem, if any, in a banner
 * (fragments/layout.html asks for it only then, so API calls, redirects and the sign-in page never start a
 * fail2ban-client), and says so when fail2ban has not answered for a while and the pages show its last known state.
 * Neither ever waits longer than the panel's reads do ({@code panel.fail2ban.reads.answer-within}) when fail2ban is
 * hung. The layout finds it by its bean name, which is set here so that a test slice importing the class registers it
 * under the same name.
 */
@Component("fail2banHealth")
public class Fail2banHealth {

	static final Duration REMEMBER_FOR = Duration.ofSeconds(5);

	private final Fail2ban fail2ban;

	private final Clock clock;

	private volatile Reading last;

	@Autowired
	Fail2banHealth(Fail2ban fail2ban) {
		this(fail2ban, Clock.systemUTC());
	}

	Fail2banHealth(Fail2ban fail2ban, Clock clock) {
		this.fail2ban = fail2ban;
		this.clock = clock;
	}

	/** What is wrong with fail2ban, said in the page's language, or {@code null} when it answers. */
	public Explanation problem() {
		return current().problem();
	}

	/**
	 * How long fail2ban has answered nothing, in whole seconds rounded up, when that is long enough to call it silent;
	 * {@code null} while it answers. Meanwhile the pages show the last state it reported.
	 */
	public Duration notAnsweringFor() {
		return fail2ban.notAnsweringSince()
			.map(since -> wholeSeconds(Duration.between(since, clock.instant())))
			.orElse(null);
	}

	/** The duration rounded up to whole seconds, so that half a second of silence reads as 1 s, not 0 s. */
	static Duration wholeSeconds(Duration duration) {
		long seconds = duration.toSeconds();
		return Duration.ofSeconds(duration.equals(Duration.ofSeconds(seconds)) ? seconds : seconds + 1);
	}

	private Reading current() {
		Reading reading = last;
		if (reading == null || Duration.between(reading.at(), clock.instant()).compareTo(REMEMBER_FOR) > 0) {
			reading = read();
			last = reading;
		}
		return reading;
	}

	/** Stamped when the answer arrived, so that a slow answer is remembered as long as a quick one. */
	private Reading read() {
		Explanation problem = null;
		try {
			fail2ban.version();
		}
		catch (Fail2banException ex) {
			problem = ex.explanation();
		}
		return new Reading(clock.instant(), problem);
	}

	private record Reading(Instant at, Explanation problem) {
	}

}
