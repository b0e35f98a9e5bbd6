package org.unbanpanel.security.lockout;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the panel protects its own sign-in: a log of failures for fail2ban, and its own slow-down.
 *
 * @param authLog the file every failed sign-in is written to, one line each, for fail2ban's {@code unban-panel} jail
 * (default {@code <panel.data-dir>/auth.log})
 * @param throttle how the panel itself slows repeated failures
 */
@ConfigurationProperties("panel.security")
record LockoutProperties(Path authLog, @DefaultValue Throttle throttle) {

	/**
	 * Failures are counted per client address and per user name, in runs: a run goes on while each failure comes
	 * within {@code window} of the one before. A successful sign-in ends the run of its user name, not the run of its
	 * address (so a valid account cannot be used to hide guesses at another).
	 *
	 * @param maxFailures failures in a run before the panel steps in (default 5, like the jail's maxretry)
	 * @param window the longest pause between two failures of one run (default 10m, like the jail's findtime)
	 * @param addressBlock after {@code maxFailures} from one address, every sign-in from it is refused for this long
	 * (default 30s), doubling with each further failure
	 * @param addressBlockMax the longest refusal of an address (default 10m)
	 * @param userDelay after {@code maxFailures} for one user name, every sign-in for that name waits this long before
	 * its password is checked (default 1s), doubling with each further failure. Never a refusal: whoever knows the
	 * password is let in after the wait, from any address, so guessing at a name cannot lock its owner out.
	 * @param userDelayMax the longest wait (default 4s)
	 * @param maxTracked how many addresses and how many user names are remembered (default 10000 of each); beyond
	 * that the one whose last failure is oldest is forgotten
	 */
	record Throttle(@DefaultValue("5") int maxFailures, @DefaultValue("10m") Duration window,
			@DefaultValue("30s") Duration addressBlock, @DefaultValue("10m") Duration addressBlockMax,
			@DefaultValue("1s") Duration userDelay, @DefaultValue("4s") Duration userDelayMax,
			@DefaultValue("10000") int maxTracked) {

		Throttle {
			if (maxFailures < 1 || maxTracked < 1) {
				throw new IllegalArgumentException(
						"panel.security.throttle.max-failures and max-tracked must be at least 1");
			}
		}

	}

}
