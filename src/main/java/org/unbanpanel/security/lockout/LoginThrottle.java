package org.unbanpanel.security.lockout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The panel's own slow-down of repeated failed sign-ins, before fail2ban bans the address (see
 * {@link LockoutProperties.Throttle} for the rules and their defaults). An address that keeps failing is refused for
 * a while; a user name that keeps failing only makes each sign-in for it wait a few seconds, so someone guessing at
 * the admin's password from many addresses slows the admin down but never locks them out. Kept in memory: a restart
 * forgets everything, and fail2ban's jail keeps counting.
 */
@Component
class LoginThrottle {

	/** What happens to a sign-in before its password is checked: refused for a while, or checked after a wait. */
	record Verdict(Duration refusedFor, Duration delay) {

		static final Verdict GO = new Verdict(Duration.ZERO, Duration.ZERO);

		boolean refused() {
			return !refusedFor.isZero() && !refusedFor.isNegative();
		}

	}

	/** Longer user names are cut for counting, so a flood of huge names cannot fill the memory. */
	static final int MAX_KEY = 128;

	private final LockoutProperties.Throttle settings;

	private final Clock clock;

	private final Runs byAddress;

	private final Runs byUser;

	LoginThrottle(LockoutProperties properties, Clock clock) {
		this.settings = properties.throttle();
		this.clock = clock;
		this.byAddress = new Runs(settings.maxTracked());
		this.byUser = new Runs(settings.maxTracked());
	}

	synchronized Verdict check(String address, String username) {
		Instant now = clock.instant();
		Run addressRun = byAddress.current(address, now, settings.window());
		if (addressRun.count() >= settings.maxFailures()) {
			Instant blockedUntil = addressRun.last()
				.plus(growing(settings.addressBlock(), settings.addressBlockMax(), addressRun.count()));
			if (now.isBefore(blockedUntil)) {
				return new Verdict(Duration.between(now, blockedUntil), Duration.ZERO);
			}
		}
		Run userRun = byUser.current(userKey(username), now, settings.window());
		if (userRun.count() >= settings.maxFailures()) {
			return new Verdict(Duration.ZERO, growing(settings.userDelay(), settings.userDelayMax(), userRun.count()));
		}
		return Verdict.GO;
	}

	synchronized void failed(String address, String username) {
		Instant now = clock.instant();
		byAddress.add(address, now, settings.window());
		byUser.add(userKey(username), now, settings.window());
	}

	synchronized void succeeded(String username) {
		byUser.forget(userKey(username));
	}

	/** {@code base} at the run's {@code maxFailures}-th failure, doubling with each one after, at most {@code max}. */
	private Duration growing(Duration base, Duration max, int count) {
		int doublings = Math.min(count - settings.maxFailures(), 30);
		Duration grown = base.multipliedBy(1L << doublings);
		return grown.compareTo(max) > 0 ? max : grown;
	}

	/** Spring Security's in-memory users ignore case and the form's blanks around the name; so does the count. */
	private static String userKey(String username) {
		String key = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
		return key.length() > MAX_KEY ? key.substring(0, MAX_KEY) : key;
	}

	/** A run of failures: how many, and when the last one was. */
	private record Run(int count, Instant last) {

		static final Run NONE = new Run(0, Instant.MIN);

	}

	/** Runs by key, the one whose last failure is oldest forgotten first beyond the bound. */
	private static final class Runs {

		private final Map<String, Run> runs;

		Runs(int maxTracked) {
			this.runs = new LinkedHashMap<>(16, 0.75f, false) {
				@Override
				protected boolean removeEldestEntry(Map.Entry<String, Run> eldest) {
					return size() > maxTracked;
				}
			};
		}

		/** The run still going on at {@code now}, or {@link Run#NONE}. */
		Run current(String key, Instant now, Duration window) {
			Run run = runs.getOrDefault(key, Run.NONE);
			return run.count() > 0 && !now.isAfter(run.last().plus(window)) ? run : Run.NONE;
		}

		void add(String key, Instant now, Duration window) {
			Run run = current(key, now, window);
			runs.remove(key);
			runs.put(key, new Run(run.count() + 1, now));
		}

		void forget(String key) {
			runs.remove(key);
		}

	}

}
