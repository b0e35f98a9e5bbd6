package org.unbanpanel.notify;

/** Where a notice to one destination stands. */
enum NoticeState {

	/** Not sent yet: waiting for its first or next attempt. */
	PENDING,
	/** Received by its destination. */
	SENT,
	/** Not received after every attempt. */
	FAILED

}
