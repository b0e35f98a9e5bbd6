package org.unbanpanel.audit;

/**
 * What an audit event records: a value submitted for unblocking, or what came of it.
 */
public enum AuditAction {

	/** A value was queued in a job. */
	SUBMITTED,
	/** An address was released; the detail names the jails. */
	UNBANNED,
	/** An address was banned in no jail. */
	NOT_BANNED,
	/** An account's failed logins were cleared; the detail is their count. */
	CLEARED,
	/** An account had no failed logins. */
	NOT_LOCKED,
	/** A value could not be unblocked; the detail is the reason. */
	FAILED,
	/** An address was put on every jail's ignore list; the detail says until when. */
	TRUSTED,
	/** An address was taken off the ignore lists again; the detail says whether it expired or who ended it. */
	TRUST_ENDED,
	/** fail2ban did not put an address on the ignore lists; the detail is why. */
	TRUST_FAILED

}
