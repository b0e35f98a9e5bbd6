package org.unbanpanel.security.lockout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The panel's own limit on failed sign-ins, before fail2ban bans the address (see {@link LockoutProperties.Throttle}
 * for the rules and their defaults). An attempt is reserved on all its keys at once before its password or code is
 * checked, and settled after, so that attempts racing each other cannot pass the limit together; what the limit does
 * not allow is refused at once, never made to wait. Kept in memory: a restart forgets everything, and fail2ban's jail
 * keeps counting.
 */
class LoginThrottle {

	/** Why an attempt is refused, and when to try again. */
	record Refusal(Duration retryAfter, boolean byAddress) {
	}

	/** The wait when the limit is taken by attempts still being checked. */
	static final Duration IN_FLIGHT = Duration.ofSeconds(1);

	private final LockoutProperties.Throttle settings;

	private final Clock clock;

	private final Runs addresses;

	private final Runs names;

	LoginThrottle(LockoutProperties.Throttle settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
		this.addresses = new Runs(settings.addressBlock(), settings.addressBlockMax());
		this.names = new Runs(settings.userBlock(), settings.userBlockMax());
	}

	/**
	 * Reserves an attempt on every key, or refuses it on none: a refused attempt counts as a failure of its address
	 * keys (as it does for fail2ban, which reads its line) but not of its name, whose owner may be trying.
	 */
	synchronized Optional<Refusal> reserve(AttemptKeys keys) {
		Instant now = clock.instant();
		Duration byAddress = keys.addresses()
			.stream()
			.map(key -> addresses.refusal(key, now))
			.reduce(Duration.ZERO, LoginThrottle::longer);
		Duration byName = names.refusal(keys.name(), now);
		if (byAddress.isZero() && byName.isZero()) {
			keys.addresses().forEach(key -> addresses.settle(key, now, 1, 0));
			names.settle(keys.name(), now, 1, 0);
			return Optional.empty();
		}
		keys.addresses().forEach(key -> addresses.settle(key, now, 0, 1));
		return Optional.of(new Refusal(longer(byAddress, byName), !byAddress.isZero()));
	}

	/** The reserved attempt's password or code was wrong. */
	synchronized void failed(AttemptKeys keys) {
		settle(keys, 1);
	}

	/** The reserved attempt's password or code was right, or was never checked. */
	synchronized void passed(AttemptKeys keys) {
		settle(keys, 0);
	}

	/** Ends the run of a name or device key, for instance after a sign-in from a browser it knows. */
	synchronized void forget(String nameKey) {
		names.forget(nameKey);
	}

	private void settle(AttemptKeys keys, int failures) {
		Instant now = clock.instant();
		keys.addresses().forEach(key -> addresses.settle(key, now, -1, failures));
		names.settle(keys.name(), now, -1, failures);
	}

	private static Duration longer(Duration a, Duration b) {
		return a.compareTo(b) >= 0 ? a : b;
	}

	/** A run of failures: how many, when the last one was, and how many attempts are being checked now. */
	private record Run(int failures, Instant last, int inFlight) {

		boolean idle() {
			return failures == 0 && inFlight == 0;
		}

	}

	/** Runs by key, the least recently touched forgotten first beyond {@code maxTracked}. */
	private final class Runs {

		private final Map<String, Run> runs;

		private final Duration block;

		private final Duration blockMax;

		Runs(Duration block, Duration blockMax) {
			this.block = block;
			this.blockMax = blockMax;
			this.runs = new LinkedHashMap<>(16, 0.75f, false) {
				@Override
				protected boolean removeEldestEntry(Map.Entry<String, Run> eldest) {
					return size() > settings.maxTracked();
				}
			};
		}

		/** How long an attempt on this key must wait, or zero when it may be reserved now. */
		Duration refusal(String key, Instant now) {
			Run run = current(key, now);
			if (run.failures() + run.inFlight() < settings.maxFailures()) {
				return Duration.ZERO;
			}
			if (run.failures() >= settings.maxFailures()) {
				Instant blockedUntil = run.last().plus(growing(run.failures()));
				if (now.isBefore(blockedUntil)) {
					return Duration.between(now, blockedUntil);
				}
				if (run.inFlight() == 0) {
					return Duration.ZERO;
				}
			}
			return IN_FLIGHT;
		}

		void settle(String key, Instant now, int inFlight, int failures) {
			Run run = current(key, now);
			Run settled = new Run(run.failures() + failures, failures > 0 ? now : run.last(),
					Math.max(0, run.inFlight() + inFlight));
			runs.remove(key);
			if (!settled.idle()) {
				runs.put(key, settled);
			}
		}

		void forget(String key) {
			Run run = runs.remove(key);
			if (run != null && run.inFlight() > 0) {
				runs.put(key, new Run(0, run.last(), run.inFlight()));
			}
		}

		/** The key's run still going on at {@code now}; the attempts in flight stay counted after it ends. */
		private Run current(String key, Instant now) {
			Run run = runs.get(key);
			if (run == null) {
				return new Run(0, Instant.MIN, 0);
			}
			return now.isAfter(run.last().plus(settings.window())) ? new Run(0, run.last(), run.inFlight()) : run;
		}

		/** {@code block} at the run's {@code maxFailures}-th failure, doubling with each one after, at most the max. */
		private Duration growing(int failures) {
			int doublings = Math.min(failures - settings.maxFailures(), 30);
			Duration grown = block.multipliedBy(1L << doublings);
			return grown.compareTo(blockMax) > 0 ? blockMax : grown;
		}

	}

}
