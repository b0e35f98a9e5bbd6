package org.unbanpanel.jobs;

/**
 * What came of one value of a job.
 */
public enum ItemState {

	/** Not handled yet. */
	PENDING,
	/** The address was released from the jails that held it, and fail2ban holds it nowhere now. */
	UNBANNED,
	/** No jail held the address. */
	NOT_BANNED,
	/** The account's failed logins were cleared. */
	CLEARED,
	/** The account had no failed logins. */
	NOT_LOCKED,
	/** The value could not be unblocked. */
	FAILED;

	/** Whether the value is unblocked now, whether or not it was blocked. */
	public boolean succeeded() {
		return this != PENDING && this != FAILED;
	}

}
