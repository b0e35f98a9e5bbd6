package org.unbanpanel.jobs;

/**
 * Where a job stands. A job waiting for fail2ban to come back is {@link #QUEUED} with attempts above zero.
 */
public enum JobState {

	QUEUED, RUNNING, DONE, PARTLY_DONE, FAILED;

	/** Whether the job has ended; a page showing it can stop refreshing. */
	public boolean finished() {
		return this == DONE || this == PARTLY_DONE || this == FAILED;
	}

}
