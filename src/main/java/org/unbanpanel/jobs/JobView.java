package org.unbanpanel.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A job with a line per value, for its page and the JSON API.
 * @param startedAt when the worker first took it up; {@code null} while it never ran
 * @param finishedAt when it ended; {@code null} until {@link JobState#finished()}
 * @param attempts how often the worker tried it; above 1 only while fail2ban could not be reached
 * @param nextAttemptAt when the worker tries it (again) if it is queued
 * @param failureReason why it failed or, while queued after a failed attempt, why it is waiting; otherwise
 * {@code null}
 * @param trustFor how long the addresses it releases are trusted afterwards; zero for no trust
 * @param trustProblem why trusting them failed after the job had released them; otherwise {@code null}
 */
public record JobView(long id, JobState state, String submittedBy, String clientAddress, Instant createdAt,
		Instant startedAt, Instant finishedAt, int attempts, Instant nextAttemptAt, String failureReason,
		List<ItemView> items, Duration trustFor, String trustProblem) {

	/** A job without trust. */
	public JobView(long id, JobState state, String submittedBy, String clientAddress, Instant createdAt,
			Instant startedAt, Instant finishedAt, int attempts, Instant nextAttemptAt, String failureReason,
			List<ItemView> items) {
		this(id, state, submittedBy, clientAddress, createdAt, startedAt, finishedAt, attempts, nextAttemptAt,
				failureReason, items, Duration.ZERO, null);
	}

	JobView withItems(List<ItemView> lines) {
		return new JobView(id, state, submittedBy, clientAddress, createdAt, startedAt, finishedAt, attempts,
				nextAttemptAt, failureReason, lines, trustFor, trustProblem);
	}

	/** The trust in whole hours, for the page; 0 for none. */
	public long trustHours() {
		return trustFor.toHours();
	}

	public boolean finished() {
		return state.finished();
	}

}
