package org.unbanpanel.jobs;

import java.time.Duration;
import java.time.Instant;

/**
 * A job as the worker needs it.
 * @param attempts how often it has been taken up, this attempt included
 * @param trustFor how long its released addresses are trusted afterwards, zero for not at all
 */
record Job(long id, String submittedBy, String clientAddress, Instant createdAt, int attempts, Duration trustFor) {
}
