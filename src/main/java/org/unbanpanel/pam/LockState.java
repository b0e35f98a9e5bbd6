package org.unbanpanel.pam;

import java.time.Instant;

/**
 * Where one account stands against the lock policy.
 * @param failures the failures that count
 * @param deny the failures that lock it
 * @param lockedUntil when the lock ends by itself ({@link Status#LOCKED}, or when it ran out for
 * {@link Status#LOCK_RAN_OUT}); {@code null} otherwise
 * @param attemptsExtend whether each further attempt starts the countdown again (pam_tally2 counts a refused attempt
 * as a failure and dates the lock from it)
 */
public record LockState(Status status, int failures, int deny, Instant lockedUntil, boolean attemptsExtend) {

	public enum Status {

		/** No failure is held against the account. */
		NO_FAILURES,
		/** Failures, fewer than the limit: the account is not locked. */
		BELOW_LIMIT,
		/** Locked; the lock ends by itself at {@code lockedUntil}. */
		LOCKED,
		/** Locked, and only a reset ends it ({@code unlock_time = 0}): never by itself. */
		LOCKED_UNTIL_RESET,
		/** The lock has run out: the next login is let through and clears the failures. */
		LOCK_RAN_OUT,
		/** The module never locks this account ({@code deny = 0}, or root without {@code even_deny_root}). */
		NEVER_LOCKS

	}

	/** Whether the account is refused right now, whatever the password. */
	public boolean locked() {
		return status == Status.LOCKED || status == Status.LOCKED_UNTIL_RESET;
	}

}
