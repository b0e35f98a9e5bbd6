package org.unbanpanel.security;

import java.time.Duration;

/**
 * The sign-in's defence for a page that anyone may open with a secret in its address, such as a release link's
 * token: the tries are counted per client address by the sign-in's throttle (with limits of their own), and every
 * wrong or refused try is a line of the panel's auth log, in the format the panel's own fail2ban jail reads, so that
 * fail2ban bans an address that keeps guessing. Made by {@link SecretGuards}.
 */
public interface SecretGuard {

	/**
	 * Reserves one try from the address, before its secret is looked at; close it (try-with-resources) after.
	 * @throws Refused when too many wrong secrets came from the address, already written to the auth log
	 */
	Try begin(String clientAddress);

	/** One reserved try; a try closed without {@link #wrong()} was right (or never judged). */
	interface Try extends AutoCloseable {

		/** The secret was wrong: counted against the address and written to the auth log. */
		void wrong();

		@Override
		void close();

	}

	/** How many wrong secrets an address may try, and how long it is refused after. */
	record Limits(int maxFailures, Duration window, Duration block, Duration blockMax) {

		public Limits {
			if (maxFailures < 1) {
				throw new IllegalArgumentException("a secret guard's max-failures must be at least 1");
			}
		}

	}

	/** A try refused unchecked; answer it {@code 429 Too Many Requests} with {@code Retry-After}. */
	final class Refused extends RuntimeException {

		private final long retryAfterSeconds;

		public Refused(Duration retryAfter) {
			super("too many wrong secrets from this address");
			this.retryAfterSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
		}

		public long retryAfterSeconds() {
			return retryAfterSeconds;
		}

	}

}
