package org.unbanpanel.audit;

/**
 * What an audit event records: a value submitted for unblocking, or what came of it; or a sign-in, a refused one,
 * and changes to a user's second factor.
 */
public enum AuditAction {

	/** A value was queued in a job. */
	SUBMITTED,
	/**
	 * A ban was released: its entry and jail, and the value asked for when the ban lay inside it (older entries: the
	 * value, and the jails in the detail).
	 */
	UNBANNED,
	/** A wider banned network still blocks a value after its release: the network, its jail, the value it blocks. */
	STILL_BLOCKED,
	/** An address was banned in no jail. */
	NOT_BANNED,
	/** An account's failed logins were cleared, and how many. */
	CLEARED,
	/** An account had no failed logins. */
	NOT_LOCKED,
	/** A value could not be unblocked: the error's code, and the tool's message in the detail. */
	FAILED,
	/** An address was put on every jail's ignore list; the detail says until when. */
	TRUSTED,
	/** An address was taken off the ignore lists again; the detail says whether it expired or who ended it. */
	TRUST_ENDED,
	/** fail2ban did not put an address on the ignore lists; the detail is why. */
	TRUST_FAILED,
	/** A user signed in to the pages (password, and code where one is needed). */
	SIGNED_IN,
	/** A sign-in or confirmation was refused for a wrong password or an unknown user name (the name as typed). */
	WRONG_PASSWORD,
	/** A sign-in or confirmation was refused for a wrong second-factor code. */
	WRONG_CODE,
	/** A sign-in was refused unchecked: too many failed sign-ins from its address or for its name. */
	SIGN_IN_THROTTLED,
	/** A user turned the TOTP second factor on. */
	TOTP_ENROLLED,
	/** A user turned the TOTP second factor off. */
	TOTP_REMOVED,
	/** An admin had a job that waited for fail2ban tried again at once. */
	RETRIED_NOW,
	/** An admin cancelled a job that waited for fail2ban. */
	CANCELLED,
	/** An admin queued the failed values of a job again; the detail is the new job's id. */
	RUN_AGAIN,
	/** An admin made a release link; the target is the link ("release link 12"), the detail its note. */
	LINK_CREATED,
	/** An admin revoked a release link; the target is the link, the detail its note. */
	LINK_REVOKED,
	/**
	 * A release link released its visitor's address: the user is the link, the client and target the visitor's
	 * address, the job the one that releases it, the detail the link's note.
	 */
	LINK_USED

}
