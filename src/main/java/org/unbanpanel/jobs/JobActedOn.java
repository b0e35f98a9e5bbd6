package org.unbanpanel.jobs;

/**
 * Published in the transaction of an admin's action on a job from its page or the API; the audit trail records it.
 * @param username who acted
 * @param clientAddress the address that user connected from
 * @param newJobId for {@link Action#RUN_AGAIN}, the job that now holds the values; otherwise {@code null}
 */
public record JobActedOn(long jobId, Action action, String username, String clientAddress, Long newJobId) {

	public enum Action {

		/** A job waiting for fail2ban was made due at once. */
		RETRY_NOW,
		/** A job waiting for fail2ban was ended; its pending values failed as cancelled. */
		CANCEL,
		/** The failed values of an ended job were queued again as a new job. */
		RUN_AGAIN

	}

}
