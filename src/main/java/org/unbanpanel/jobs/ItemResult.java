package org.unbanpanel.jobs;

/**
 * What came of one value, as stored on its item.
 * @param detail the jails it was released from ("sshd, dovecot"), the failed logins cleared ("5"), or the error
 * message; {@code null} when there is nothing to add
 */
record ItemResult(ItemState state, String detail) {

	static final ItemResult PENDING = new ItemResult(ItemState.PENDING, null);

	static ItemResult failed(String message) {
		return new ItemResult(ItemState.FAILED, message);
	}

}
