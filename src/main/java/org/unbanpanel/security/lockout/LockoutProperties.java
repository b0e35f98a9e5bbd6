package org.unbanpanel.security.lockout;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the panel protects its own sign-in: a log of failures for fail2ban, and its own throttle.
 *
 * @param authLog the file every failed or refused sign-in is written to, one line each, for fail2ban's
 * {@code unban-panel} jail (default {@code <panel.data-dir>/auth.log})
 * @param throttle how the panel itself limits repeated failures
 */
@ConfigurationProperties("panel.security")
record LockoutProperties(Path authLog, @DefaultValue Throttle throttle) {

	/**
	 * Failures are counted per client address (an IPv4-mapped address as its IPv4 address; an IPv6 address also
	 * within its {@code ipv6Prefix} network) and per user name, in runs: a run goes on while each failure comes within
	 * {@code window} of the one before. Every attempt is reserved before its password or code is checked: up to
	 * {@code maxFailures} at a time, then one at a time once the block below is over. Everything else is refused at
	 * once (429 with {@code Retry-After}), and a refused attempt counts as a failure of its address.
	 *
	 * @param maxFailures failures in a run before the panel steps in (default 5, like the jail's maxretry)
	 * @param window the longest pause between two failures of one run (default 10m, like the jail's findtime)
	 * @param addressBlock after {@code maxFailures} from one address, every sign-in from it is refused for this long
	 * (default 30s), doubling with each further failure
	 * @param addressBlockMax the longest refusal of an address (default 10m)
	 * @param userBlock after {@code maxFailures} for one user name, sign-ins for it are refused this long after each
	 * failure (default 1s), doubling with each further one. A browser the name has signed in from before (it holds a
	 * cookie that proves it) is counted on its own instead, so guessing at a name does not lock its owner out
	 * @param userBlockMax the longest refusal of a user name (default 4s)
	 * @param ipv6Prefix the IPv6 network counted as one address too, the size a site is usually given (default 64)
	 * @param maxTracked how many addresses and how many user names are remembered (default 10000 of each); beyond
	 * that the one whose last attempt is oldest is forgotten
	 */
	record Throttle(@DefaultValue("5") int maxFailures, @DefaultValue("10m") Duration window,
			@DefaultValue("30s") Duration addressBlock, @DefaultValue("10m") Duration addressBlockMax,
			@DefaultValue("1s") Duration userBlock, @DefaultValue("4s") Duration userBlockMax,
			@DefaultValue("64") int ipv6Prefix, @DefaultValue("10000") int maxTracked) {

		Throttle {
			if (maxFailures < 1 || maxTracked < 1) {
				throw new IllegalArgumentException(
						"panel.security.throttle.max-failures and max-tracked must be at least 1");
			}
			if (ipv6Prefix < 1 || ipv6Prefix > 128) {
				throw new IllegalArgumentException("panel.security.throttle.ipv6-prefix must be from 1 to 128");
			}
		}

	}

}
