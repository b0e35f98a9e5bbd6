package org.unbanpanel.jobs;

/**
 * What came of one value of a job, as its stored bans, failures cleared and error say it.
 */
public enum ItemState {

	/** Not handled yet. */
	PENDING,
	/** The address was released from the jails that held it (or the bans inside the network were), and nothing holds it now. */
	UNBANNED,
	/** Some of its bans were released, but a wider banned network still blocks it. */
	PARTLY_UNBANNED,
	/** No jail held the address, nor anything inside it. */
	NOT_BANNED,
	/** The account's failed logins were cleared. */
	CLEARED,
	/** The account had no failed logins. */
	NOT_LOCKED,
	/** The value could not be unblocked. */
	FAILED;

	/** Whether the value is unblocked now, whether or not it was blocked. */
	public boolean succeeded() {
		return this == UNBANNED || this == NOT_BANNED || this == CLEARED || this == NOT_LOCKED;
	}

	/** Whether the job did something for the value, all of it or part. */
	public boolean progressed() {
		return succeeded() || this == PARTLY_UNBANNED;
	}

}
