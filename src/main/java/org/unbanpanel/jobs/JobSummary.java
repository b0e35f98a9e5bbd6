package org.unbanpanel.jobs;

import java.time.Instant;

/**
 * A job as the list of recent jobs shows it.
 * @param finishedAt when it ended; {@code null} until it has
 * @param addresses how many addresses and networks it holds
 * @param accounts how many accounts it holds
 * @param failed how many of its values could not be unblocked
 */
public record JobSummary(long id, JobState state, String submittedBy, String clientAddress, Instant createdAt,
		Instant finishedAt, int addresses, int accounts, int failed) {
}
