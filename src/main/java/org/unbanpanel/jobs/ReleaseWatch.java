package org.unbanpanel.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the job's page tells of the time after a release: which of its released addresses fail2ban banned again, and
 * until when they are watched. The watch module answers it.
 */
public interface ReleaseWatch {

	/** The job's released addresses banned again, oldest new ban first. */
	List<Reban> bannedAgain(long jobId);

	/** Until when some of the job's released addresses are watched still; empty when none is. */
	Optional<Instant> watchedUntil(long jobId);

}
