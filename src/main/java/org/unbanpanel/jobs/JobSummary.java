package org.unbanpanel.jobs;

import java.time.Instant;
import java.util.List;

/**
 * A job as the list of recent jobs shows it.
 * @param finishedAt when it ended; {@code null} until it has
 * @param addresses how many addresses and networks it holds
 * @param accounts how many accounts it holds
 * @param failed how many of its values could not be unblocked
 * @param firstValues its first values, at most {@link #SHOWN}, in the order they were submitted
 */
public record JobSummary(long id, JobState state, String submittedBy, String clientAddress, Instant createdAt,
		Instant finishedAt, int addresses, int accounts, int failed, List<String> firstValues) {

	/** How many values the list of jobs names per job. */
	public static final int SHOWN = 4;

	public JobSummary {
		firstValues = List.copyOf(firstValues);
	}

	/** How many values the list leaves unnamed. */
	public int moreValues() {
		return Math.max(0, addresses + accounts - firstValues.size());
	}

	JobSummary withFirstValues(List<String> values) {
		return new JobSummary(id, state, submittedBy, clientAddress, createdAt, finishedAt, addresses, accounts, failed,
				values);
	}

}
