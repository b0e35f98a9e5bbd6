package org.unbanpanel.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A job with a line per value, for its page and the JSON API.
 * @param startedAt when the worker first took it up; {@code null} while it never ran
 * @param finishedAt when it ended; {@code null} until {@link JobState#finished()}
 * @param attempts how often the worker tried it; above 1 only while fail2ban could not be reached
 * @param nextAttemptAt when the worker tries it (again) if it is queued
 * @param failure why it failed or, while queued after a failed attempt, why it is waiting; otherwise {@code null}
 * @param trustFor how long the addresses it releases are trusted afterwards; zero for no trust
 * @param jails the jails it releases its addresses from; empty for every jail
 * @param trust what became of its trust, once it has ended and asked for one; otherwise {@code null}
 * @param attemptTimes when the worker took it up, once per attempt, oldest first
 * @param givesUpAt when it stops waiting for fail2ban and fails the values still pending; {@code null} if unknown
 */
public record JobView(long id, JobState state, String submittedBy, String clientAddress, Instant createdAt,
		Instant startedAt, Instant finishedAt, int attempts, Instant nextAttemptAt, Failure failure,
		List<ItemView> items, Duration trustFor, List<String> jails, JobTrusts.Outcome trust,
		List<Instant> attemptTimes, Instant givesUpAt) {

	public JobView {
		items = List.copyOf(items);
		jails = List.copyOf(jails);
		attemptTimes = List.copyOf(attemptTimes);
	}

	/** A job without trust, from every jail. */
	public JobView(long id, JobState state, String submittedBy, String clientAddress, Instant createdAt,
			Instant startedAt, Instant finishedAt, int attempts, Instant nextAttemptAt, Failure failure,
			List<ItemView> items) {
		this(id, state, submittedBy, clientAddress, createdAt, startedAt, finishedAt, attempts, nextAttemptAt, failure,
				items, Duration.ZERO, List.of(), null, List.of(), null);
	}

	JobView with(List<ItemView> lines, List<String> chosenJails, List<Instant> times) {
		return new JobView(id, state, submittedBy, clientAddress, createdAt, startedAt, finishedAt, attempts,
				nextAttemptAt, failure, lines, trustFor, chosenJails, trust, times, givesUpAt);
	}

	JobView withTrust(JobTrusts.Outcome report) {
		return new JobView(id, state, submittedBy, clientAddress, createdAt, startedAt, finishedAt, attempts,
				nextAttemptAt, failure, items, trustFor, jails, report, attemptTimes, givesUpAt);
	}

	JobView givingUpAt(Instant time) {
		return new JobView(id, state, submittedBy, clientAddress, createdAt, startedAt, finishedAt, attempts,
				nextAttemptAt, failure, items, trustFor, jails, trust, attemptTimes, time);
	}

	/** Whether its values are released on more than one host: its page then gives each value a line per host. */
	public boolean acrossHosts() {
		return items.stream().map(ItemView::host).distinct().count() > 1;
	}

	/** Its lines grouped by value, in the order submitted: each value with its line per host. */
	public List<ValueLines> byValue() {
		Map<String, List<ItemView>> lines = new LinkedHashMap<>();
		items.forEach(item -> lines.computeIfAbsent(item.kind() + " " + item.value(), key -> new ArrayList<>()).add(item));
		return lines.values().stream().map(ValueLines::new).toList();
	}

	/** One value of a job and its line on each host. */
	public record ValueLines(List<ItemView> lines) {

		public ValueLines {
			lines = List.copyOf(lines);
		}

		public ItemView first() {
			return lines.get(0);
		}

	}

	/** Whether it waits for fail2ban to come back: queued again after an attempt that could not reach it. */
	public boolean waiting() {
		return state == JobState.QUEUED && attempts > 0;
	}

	/** Whether its banner says why fail2ban cannot be reached: it waits for it, or gave up waiting. */
	public boolean explainsFail2ban() {
		return failure != null && (failure.code().equals(Failure.WAITING) || failure.code().equals(Failure.FAIL2BAN_UNREACHABLE));
	}

	/** Whether "run again" can queue its values anew: it has ended, and some of its values failed. */
	public boolean runnableAgain() {
		return finished() && items.stream().anyMatch(item -> item.state() == ItemState.FAILED);
	}

	/**
	 * The error of a failed line, unless the job's own banner says it already: a job that failed for one reason
	 * says it once, not once more per line.
	 */
	public Failure lineError(ItemView item) {
		return (failure != null && failure.equals(item.error())) ? null : item.error();
	}

	/** The trust in whole hours, for the page; 0 for none. */
	public long trustHours() {
		return trustFor.toHours();
	}

	public boolean finished() {
		return state.finished();
	}

	/**
	 * Whether nothing more will change soon: the job has ended, and every host has had its turn at its trust, if it
	 * asked one (a host that did not take it is tried again later).
	 */
	public boolean settled() {
		return finished() && (trustFor.isZero() || (trust != null && !trust.pending()));
	}

}
