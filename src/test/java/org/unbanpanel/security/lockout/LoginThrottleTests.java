package org.unbanpanel.security.lockout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.unbanpanel.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTests {

	static final String ATTACKER = "203.0.113.66";

	static final String OFFICE = "198.51.100.7";

	static final LockoutProperties.Throttle SETTINGS = new LockoutProperties.Throttle(5, Duration.ofMinutes(10),
			Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofSeconds(4), 64, 100);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));

	private final LoginThrottle throttle = new LoginThrottle(SETTINGS, clock);

	@Test
	void letsFourFailuresThroughAndReservesTheFifthAttempt() {
		failFrom(ATTACKER, "admin", 4);

		assertThat(throttle.reserve(keys(ATTACKER, "admin"))).isEmpty();
	}

	@Test
	void refusesAnAddressForThirtySecondsAfterItsFifthFailure() {
		failFrom(ATTACKER, "guess", 5);
		clock.advance(Duration.ofSeconds(10));

		assertThat(throttle.reserve(keys(ATTACKER, "someone-else")))
			.hasValue(new LoginThrottle.Refusal(Duration.ofSeconds(20), true));
	}

	@Test
	void letsTheAddressTryAgainOnceTheBlockIsOver() {
		failFrom(ATTACKER, "guess", 5);
		clock.advance(Duration.ofSeconds(30));

		assertThat(throttle.reserve(keys(ATTACKER, "someone-else"))).isEmpty();
	}

	@Test
	void doublesTheRefusalWithEachFurtherAttemptUpToTheMaximum() {
		failFrom(ATTACKER, "guess", 5);
		Duration expected = Duration.ofSeconds(30);
		for (int refused = 1; refused <= 7; refused++) {
			assertThat(throttle.reserve(keys(ATTACKER, "guess"))).as("refusal %d", refused)
				.map(LoginThrottle.Refusal::retryAfter)
				.hasValue(expected);
			expected = min(expected.multipliedBy(2), Duration.ofMinutes(10));
		}
		assertThat(expected).isEqualTo(Duration.ofMinutes(10));
	}

	@Test
	void forgetsARunAfterAQuietWindow() {
		failFrom(ATTACKER, "guess", 4);
		clock.advance(Duration.ofMinutes(10).plusSeconds(1));
		failFrom(ATTACKER, "guess", 1);

		assertThat(throttle.reserve(keys(ATTACKER, "guess"))).isEmpty();
	}

	@Test
	void reservesAtMostTheLimitAtOnceAndRefusesTheRestWithoutWaiting() {
		List<AttemptKeys> inFlight = new ArrayList<>();
		for (int attempt = 0; attempt < 5; attempt++) {
			AttemptKeys keys = keys(ATTACKER, "guess " + attempt);
			assertThat(throttle.reserve(keys)).isEmpty();
			inFlight.add(keys);
		}

		assertThat(throttle.reserve(keys(ATTACKER, "one more")))
			.hasValue(new LoginThrottle.Refusal(LoginThrottle.IN_FLIGHT, true));
		throttle.passed(inFlight.get(0));
		assertThat(throttle.reserve(keys(OFFICE, "one more"))).as("another address").isEmpty();
	}

	@Test
	void oneAttemptAtATimeOnceTheBlockIsOver() {
		for (int failure = 1; failure <= 5; failure++) {
			failFrom("192.0.2." + failure, "admin", 1);
		}
		clock.advance(Duration.ofSeconds(1));

		AttemptKeys probe = keys(OFFICE, "admin");
		assertThat(throttle.reserve(probe)).isEmpty();
		assertThat(throttle.reserve(keys("192.0.2.99", "admin")))
			.hasValue(new LoginThrottle.Refusal(LoginThrottle.IN_FLIGHT, false));
		throttle.passed(probe);
		assertThat(throttle.reserve(keys("192.0.2.98", "admin"))).as("a right password frees the slot").isEmpty();
	}

	@Test
	void aRefusedAttemptCountsAgainstItsAddressButNeverAgainstItsName() {
		failFrom(ATTACKER, "guess", 5);
		for (int refused = 0; refused < 3; refused++) {
			assertThat(throttle.reserve(keys(ATTACKER, "admin"))).isPresent();
		}

		assertThat(throttle.reserve(keys(ATTACKER, "admin"))).map(LoginThrottle.Refusal::retryAfter)
			.hasValue(Duration.ofSeconds(30 * 8));
		assertThat(throttle.reserve(keys(OFFICE, "admin"))).as("the name was never checked from there").isEmpty();
	}

	@Test
	void refusesAUserNameFromEveryAddressForAGrowingCappedTimeAfterEachFailure() {
		for (int failure = 1; failure <= 5; failure++) {
			failFrom("192.0.2." + failure, "admin", 1);
		}

		assertThat(throttle.reserve(keys(OFFICE, "admin"))).hasValue(new LoginThrottle.Refusal(Duration.ofSeconds(1),
				false));
		clock.advance(Duration.ofSeconds(1));
		failFrom("192.0.2.6", "admin", 1);
		assertThat(throttle.reserve(keys(OFFICE, "admin"))).map(LoginThrottle.Refusal::retryAfter)
			.hasValue(Duration.ofSeconds(2));
		for (int failure = 7; failure <= 20; failure++) {
			clock.advance(Duration.ofSeconds(4));
			failFrom("192.0.2." + failure, "admin", 1);
		}
		assertThat(throttle.reserve(keys(OFFICE, "admin"))).map(LoginThrottle.Refusal::retryAfter)
			.hasValue(Duration.ofSeconds(4));
	}

	@Test
	void aKnownDeviceIsCountedOnItsOwnAndItsRunEndsWhenForgotten() {
		for (int failure = 1; failure <= 5; failure++) {
			failFrom("192.0.2." + failure, "admin", 1);
		}
		AttemptKeys device = AttemptKeys.of(OFFICE, 64, AttemptKeys.deviceKey("phone"));

		assertThat(throttle.reserve(keys(OFFICE, "admin"))).isPresent();
		assertThat(throttle.reserve(device)).isEmpty();
		throttle.failed(device);
		throttle.forget(AttemptKeys.deviceKey("phone"));
		assertThat(throttle.reserve(device)).isEmpty();
	}

	@Test
	void remembersAtMostMaxTrackedAddressesForgettingTheOldestFirst() {
		failFrom(ATTACKER, "admin", 5);
		for (int other = 0; other < 100; other++) {
			clock.advance(Duration.ofMillis(1));
			failFrom("10.0.0." + other, "user" + other, 1);
		}

		assertThat(throttle.reserve(keys(ATTACKER, "another"))).isEmpty();
	}

	@Test
	void attemptsRacingEachOtherFromManyThreadsReserveAtMostTheLimit() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(16);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Optional<LoginThrottle.Refusal>>> attempts = new ArrayList<>();
		for (int attempt = 0; attempt < 200; attempt++) {
			AttemptKeys keys = keys("2001:db8:1:2::" + Integer.toHexString(attempt + 1), "admin");
			attempts.add(threads.submit(() -> {
				start.await();
				return throttle.reserve(keys);
			}));
		}
		start.countDown();

		int reserved = 0;
		for (Future<Optional<LoginThrottle.Refusal>> attempt : attempts) {
			reserved += attempt.get().isEmpty() ? 1 : 0;
		}
		threads.shutdown();
		assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
		assertThat(reserved).as("one /64 and one name").isEqualTo(5);
	}

	private void failFrom(String address, String username, int times) {
		for (int failure = 0; failure < times; failure++) {
			AttemptKeys keys = keys(address, username);
			assertThat(throttle.reserve(keys)).as("attempt %d from %s", failure + 1, address).isEmpty();
			throttle.failed(keys);
		}
	}

	private static AttemptKeys keys(String address, String username) {
		return AttemptKeys.of(address, SETTINGS.ipv6Prefix(), AttemptKeys.nameKey(username));
	}

	private static Duration min(Duration a, Duration b) {
		return a.compareTo(b) <= 0 ? a : b;
	}

}
