package org.unbanpanel.jobs;

import java.time.Duration;
import java.time.Instant;

/**
 * An address a job released that fail2ban banned again while the panel watched it (the watch module).
 * @param address the entry as the job released it and the jail holds it again
 * @param jail the jail that banned it again
 * @param releasedAt when the job's result said it was released
 * @param bannedAt when the watch saw the new ban: at most one watch interval after fail2ban made it
 */
public record Reban(String address, String jail, long jobId, Instant releasedAt, Instant bannedAt) {

	/** Whole minutes from the release to the new ban. */
	public long minutesAfterRelease() {
		return Duration.between(releasedAt, bannedAt).toMinutes();
	}

}
