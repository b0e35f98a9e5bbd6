package org.unbanpanel.jobs;

import java.time.Duration;
import java.time.Instant;

import org.unbanpanel.hosts.HostName;

/**
 * An address a job released that fail2ban banned again while the panel watched it (the watch module).
 * @param host the host whose fail2ban banned it again: the one the job released it on
 * @param address the entry as the job released it and the jail holds it again
 * @param jail the jail that banned it again
 * @param releasedAt when the job's result said it was released
 * @param bannedAt when the watch saw the new ban: at most one watch interval, plus the look (which waits for the
 * slowest host asked, at most the command timeout), after fail2ban made it
 */
public record Reban(HostName host, String address, String jail, long jobId, Instant releasedAt, Instant bannedAt) {

	/** Whole minutes from the release to the new ban. */
	public long minutesAfterRelease() {
		return Duration.between(releasedAt, bannedAt).toMinutes();
	}

	/** Whether it was banned again on the machine the panel runs on, whose logs the evidence page reads. */
	public boolean local() {
		return host.isLocal();
	}

}
