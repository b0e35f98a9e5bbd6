package org.unbanpanel.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A job as the worker needs it.
 * @param attempts how often it has been taken up, this attempt included
 * @param trustFor how long its released addresses are trusted afterwards, zero for not at all
 * @param jails the jails to release its addresses from; empty for every jail
 */
record Job(long id, String submittedBy, String clientAddress, Instant createdAt, int attempts, Duration trustFor,
		List<String> jails) {

	Job {
		jails = List.copyOf(jails);
	}

	/** Whether its addresses are released from this jail. */
	boolean releasesFrom(String jail) {
		return jails.isEmpty() || jails.contains(jail);
	}

}
