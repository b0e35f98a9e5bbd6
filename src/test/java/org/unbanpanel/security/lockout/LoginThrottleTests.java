package org.unbanpanel.security.lockout;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.unbanpanel.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTests {

	static final String ATTACKER = "203.0.113.66";

	static final String OFFICE = "198.51.100.7";

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));

	private final LoginThrottle throttle = new LoginThrottle(properties(new LockoutProperties.Throttle(5,
			Duration.ofMinutes(10), Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofSeconds(1),
			Duration.ofSeconds(4), 100)), clock);

	@Test
	void letsFourFailuresThroughUnhindered() {
		failFrom(ATTACKER, "admin", 4);

		assertThat(throttle.check(ATTACKER, "admin")).isEqualTo(LoginThrottle.Verdict.GO);
	}

	@Test
	void refusesAnAddressForThirtySecondsAfterItsFifthFailure() {
		failFrom(ATTACKER, "guess", 5);
		clock.advance(Duration.ofSeconds(10));

		LoginThrottle.Verdict verdict = throttle.check(ATTACKER, "someone-else");

		assertThat(verdict.refused()).isTrue();
		assertThat(verdict.refusedFor()).isEqualTo(Duration.ofSeconds(20));
		clock.advance(Duration.ofSeconds(20));
		assertThat(throttle.check(ATTACKER, "someone-else").refused()).isFalse();
	}

	@Test
	void doublesTheRefusalWithEachFurtherFailureUpToTheMaximum() {
		failFrom(ATTACKER, "guess", 5);
		Duration expected = Duration.ofSeconds(30);
		for (int failure = 6; failure <= 12; failure++) {
			clock.advance(throttle.check(ATTACKER, "guess").refusedFor());
			throttle.failed(ATTACKER, "guess");
			expected = min(expected.multipliedBy(2), Duration.ofMinutes(10));
			assertThat(throttle.check(ATTACKER, "guess").refusedFor()).as("after failure %d", failure)
				.isEqualTo(expected);
		}
		assertThat(expected).isEqualTo(Duration.ofMinutes(10));
	}

	@Test
	void forgetsARunAfterAQuietWindow() {
		failFrom(ATTACKER, "guess", 4);
		clock.advance(Duration.ofMinutes(10).plusSeconds(1));
		throttle.failed(ATTACKER, "guess");

		assertThat(throttle.check(ATTACKER, "guess")).isEqualTo(LoginThrottle.Verdict.GO);
	}

	@Test
	void neverRefusesAUserNameFromAnotherAddressButMakesItWaitAGrowingCappedDelay() {
		for (int failure = 1; failure <= 5; failure++) {
			throttle.failed("192.0.2." + failure, "admin");
		}

		assertThat(throttle.check(OFFICE, "admin")).isEqualTo(new LoginThrottle.Verdict(Duration.ZERO,
				Duration.ofSeconds(1)));
		throttle.failed("192.0.2.6", "admin");
		assertThat(throttle.check(OFFICE, "admin").delay()).isEqualTo(Duration.ofSeconds(2));
		for (int failure = 7; failure <= 20; failure++) {
			throttle.failed("192.0.2." + failure, "admin");
		}
		assertThat(throttle.check(OFFICE, "admin")).isEqualTo(new LoginThrottle.Verdict(Duration.ZERO,
				Duration.ofSeconds(4)));
	}

	@Test
	void countsAUserNameWhateverItsCaseAndSurroundingBlanks() {
		throttle.failed("192.0.2.1", "Admin");
		throttle.failed("192.0.2.2", " admin");
		throttle.failed("192.0.2.3", "ADMIN ");
		throttle.failed("192.0.2.4", "admin");
		throttle.failed("192.0.2.5", "aDmIn");

		assertThat(throttle.check(OFFICE, "admin").delay()).isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void aSuccessfulSignInEndsItsUserNamesRunButNotItsAddresses() {
		failFrom(ATTACKER, "admin", 5);
		throttle.failed("192.0.2.1", "admin");

		throttle.succeeded("admin");

		assertThat(throttle.check(OFFICE, "admin")).isEqualTo(LoginThrottle.Verdict.GO);
		assertThat(throttle.check(ATTACKER, "operator").refused()).isTrue();
	}

	@Test
	void remembersAtMostMaxTrackedAddressesForgettingTheOldestFirst() {
		failFrom(ATTACKER, "admin", 5);
		for (int other = 0; other < 100; other++) {
			clock.advance(Duration.ofMillis(1));
			throttle.failed("10.0.0." + other, "user" + other);
		}

		assertThat(throttle.check(ATTACKER, "admin")).isEqualTo(LoginThrottle.Verdict.GO);
	}

	private void failFrom(String address, String username, int times) {
		for (int failure = 0; failure < times; failure++) {
			throttle.failed(address, username);
		}
	}

	private static Duration min(Duration a, Duration b) {
		return a.compareTo(b) <= 0 ? a : b;
	}

	static LockoutProperties properties(LockoutProperties.Throttle throttle) {
		return new LockoutProperties(null, throttle);
	}

}
