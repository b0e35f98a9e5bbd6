package org.unbanpanel.unblock;

import java.time.Instant;

/**
 * A job as the worker needs it.
 * @param attempts how often it has been taken up, this attempt included
 */
record Job(long id, String submittedBy, String clientAddress, Instant createdAt, int attempts) {
}
