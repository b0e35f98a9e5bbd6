package org.unbanpanel.pam;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * How PAM locks accounts on this machine, read from its configuration: the module's arguments in the PAM stack, which
 * take precedence, over pam_faillock's {@code faillock.conf}, over the module's defaults.
 *
 * @param module {@code pam_faillock} or {@code pam_tally2}
 * @param deny failures that lock an account; 0 means the module never locks
 * @param unlockTime how long after the last failure a lock ends by itself; zero means never: only a reset ends it
 * @param failInterval pam_faillock only: failures count towards a lock when this close together; {@code null} for
 * pam_tally2, which counts every failure since the last success
 * @param evenDenyRoot whether root can be locked at all
 * @param rootUnlockTime {@code unlockTime} for root
 * @param readFrom the files the settings came from, for the page to name
 */
public record LockPolicy(String module, int deny, Duration unlockTime, Duration failInterval, boolean evenDenyRoot,
		Duration rootUnlockTime, List<String> readFrom) {

	public static final String FAILLOCK = "pam_faillock";

	public static final String TALLY2 = "pam_tally2";

	public LockPolicy {
		readFrom = List.copyOf(readFrom);
	}

	/**
	 * Where the account stands: not locked, locked until a time, locked until a reset, or out of a lock that has run
	 * out. pam_faillock counts the failures it marks valid, and locks once they reach {@code deny}; pam_tally2 counts
	 * every failure and refuses the attempt that goes beyond {@code deny}, so it too holds an account with
	 * {@code deny} failures. Both end the lock {@code unlockTime} after the last failure.
	 * @param zone the time zone the tool printed the last failure in (this machine's)
	 */
	public LockState state(LockRecord record, Instant now, ZoneId zone) {
		boolean root = "root".equals(record.user());
		if (!record.hasFailures()) {
			return state(LockState.Status.NO_FAILURES, 0, null);
		}
		if (deny == 0 || (root && !evenDenyRoot)) {
			return state(LockState.Status.NEVER_LOCKS, record.failures(), null);
		}
		if (record.failures() < deny) {
			return state(LockState.Status.BELOW_LIMIT, record.failures(), null);
		}
		Duration unlock = root ? rootUnlockTime : unlockTime;
		if (unlock.isZero() || record.lastFailure() == null) {
			return state(LockState.Status.LOCKED_UNTIL_RESET, record.failures(), null);
		}
		Instant until = record.lastFailure().atZone(zone).toInstant().plus(unlock);
		return state(until.isAfter(now) ? LockState.Status.LOCKED : LockState.Status.LOCK_RAN_OUT, record.failures(), until);
	}

	/** pam_tally2 counts a refused attempt too, so each attempt during a lock starts its countdown again. */
	private LockState state(LockState.Status status, int failures, Instant until) {
		return new LockState(status, failures, deny, until, status == LockState.Status.LOCKED && TALLY2.equals(module));
	}

}
