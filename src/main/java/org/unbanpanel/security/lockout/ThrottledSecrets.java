package org.unbanpanel.security.lockout;

import java.time.Clock;
import java.util.Optional;

import org.unbanpanel.security.SecretGuard;
import org.unbanpanel.security.SecretGuards;

/**
 * Secret guards over the sign-in's own parts: a {@link LoginThrottle} per guard, counting only addresses (its name
 * key is the address too, so no two visitors share a run), and the one {@link AuthFailureLog}.
 */
final class ThrottledSecrets implements SecretGuards {

	/** Addresses a guard remembers, the least recently seen forgotten first. */
	private static final int MAX_TRACKED = 10_000;

	private final AuthFailureLog authLog;

	private final Clock clock;

	private final int ipv6Prefix;

	ThrottledSecrets(AuthFailureLog authLog, Clock clock, int ipv6Prefix) {
		this.authLog = authLog;
		this.clock = clock;
		this.ipv6Prefix = ipv6Prefix;
	}

	@Override
	public SecretGuard guard(String subject, SecretGuard.Limits limits) {
		LoginThrottle throttle = new LoginThrottle(new LockoutProperties.Throttle(limits.maxFailures(), limits.window(),
				limits.block(), limits.blockMax(), limits.block(), limits.blockMax(), ipv6Prefix, MAX_TRACKED), clock);
		return clientAddress -> {
			String address = AttemptKeys.canonicalAddress(clientAddress);
			AttemptKeys keys = AttemptKeys.of(address, ipv6Prefix, "secret " + address);
			Optional<LoginThrottle.Refusal> refusal = throttle.reserve(keys);
			if (refusal.isPresent()) {
				authLog.failure(subject, address);
				throw new SecretGuard.Refused(refusal.get().retryAfter());
			}
			return new SecretTry(throttle, keys, () -> authLog.failure(subject, address));
		};
	}

	/** A reserved try, settled once. */
	private static final class SecretTry implements SecretGuard.Try {

		private final LoginThrottle throttle;

		private final AttemptKeys keys;

		private final Runnable logFailure;

		private boolean settled;

		SecretTry(LoginThrottle throttle, AttemptKeys keys, Runnable logFailure) {
			this.throttle = throttle;
			this.keys = keys;
			this.logFailure = logFailure;
		}

		@Override
		public synchronized void wrong() {
			if (!settled) {
				settled = true;
				throttle.failed(keys);
				logFailure.run();
			}
		}

		@Override
		public synchronized void close() {
			if (!settled) {
				settled = true;
				throttle.passed(keys);
			}
		}

	}

}
