package org.unbanpanel.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.unbanpanel.core.AccountName;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.core.InvalidValueException;
import org.unbanpanel.fail2ban.Fail2ban;
import org.unbanpanel.pam.AccountLockException;
import org.unbanpanel.pam.AccountLocks;

/**
 * Runs the jobs that are due, all of them together as one batch: the addresses of every job in one
 * {@link AddressRelease} (two {@code banned} reads and the unban calls between), and one reset per distinct account,
 * whose results are then handed back to each job. While fail2ban cannot be reached, the addresses stay pending and
 * their jobs are queued again with back-off, until {@link JobsProperties#retryFor()} after submission has passed.
 * Whatever a batch settles is stored with a {@link JobSettled} event in one transaction: the audit trail and the
 * trust module take it from there. Several panels may share the queue: a batch's jobs are taken with
 * {@code SELECT … FOR UPDATE SKIP LOCKED} and leased to this instance ({@link JobLeases}); what an attempt did is
 * stored only while the lease still holds, so that a job taken over by another instance reports its results once.
 */
@Component
class JobRunner {

	private static final Logger logger = LoggerFactory.getLogger(JobRunner.class);

	private final JobRepository jobs;

	private final Fail2ban fail2ban;

	private final AccountLocks accountLocks;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final JobsProperties properties;

	private final JobLeases leases;

	private final Clock clock;

	/** Held while a batch runs, so that a cancel never meets a job between its claim and its settling. */
	private final ReentrantLock batch = new ReentrantLock();

	JobRunner(JobRepository jobs, Fail2ban fail2ban, AccountLocks accountLocks, ApplicationEventPublisher events,
			PlatformTransactionManager transactionManager, JobsProperties properties, JobLeases leases, Clock clock) {
		this.jobs = jobs;
		this.fail2ban = fail2ban;
		this.accountLocks = accountLocks;
		this.events = events;
		this.transactions = new TransactionTemplate(transactionManager);
		this.properties = properties;
		this.leases = leases;
		this.clock = clock;
	}

	/**
	 * Runs batch after batch until no job is due.
	 * @return when the next queued job is due, if any is waiting
	 */
	Optional<Instant> runDueJobs() {
		while (runBatchLocked()) {
			// the jobs beyond one batch's size follow at once
		}
		return jobs.nextAttempt();
	}

	private boolean runBatchLocked() {
		batch.lock();
		try {
			return runBatch();
		}
		finally {
			batch.unlock();
		}
	}

	/**
	 * Ends a job that is queued: its pending values fail as cancelled, and it ends as a job whose values failed
	 * would, told to the other modules with {@link JobSettled} and, as the admin's action, {@link JobActedOn}. Waits
	 * for a running batch to finish first (at most {@code patience}).
	 * @return whether the job was queued and is cancelled now
	 */
	boolean cancel(long jobId, String username, String clientAddress, Duration patience) {
		try {
			if (!batch.tryLock(patience.toMillis(), TimeUnit.MILLISECONDS)) {
				return false;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		try {
			return transactions.execute(status -> {
				Optional<Job> queued = jobs.lockQueued(jobId);
				queued.ifPresent(job -> cancel(job, username, clientAddress));
				return queued.isPresent();
			});
		}
		finally {
			batch.unlock();
		}
	}

	private void cancel(Job job, String username, String clientAddress) {
		Instant now = clock.instant();
		Failure cancelled = new Failure("cancelled", Explanation.of("job.cancelledBy", username));
		List<Item> after = new ArrayList<>();
		List<Item> changed = new ArrayList<>();
		for (Item item : jobs.items(List.of(job.id()))) {
			Item settled = item.pending() ? item.with(ItemResult.failed(cancelled)) : item;
			after.add(settled);
			if (item.pending()) {
				changed.add(settled);
			}
		}
		changed.forEach(jobs::store);
		JobState state = finish(job, after, now);
		events.publishEvent(settled(job, state, changed, after));
		events.publishEvent(new JobActedOn(job.id(), JobActedOn.Action.CANCEL, username, clientAddress, null));
	}

	private boolean runBatch() {
		Instant now = clock.instant();
		Map<Long, Job> claimed = transactions.execute(status -> {
			List<Long> ids = batchOf(jobs.lockDue(now, leases.owner(), properties.maxBatchValues()));
			return ids.isEmpty() ? List.<Job>of() : jobs.claim(ids, now, leases.owner(), leases.expiry());
		}).stream().collect(Collectors.toMap(Job::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
		if (claimed.isEmpty()) {
			return false;
		}
		leases.hold(claimed.keySet());
		try {
			run(claimed, now);
		}
		finally {
			leases.release(claimed.keySet());
		}
		return true;
	}

	private void run(Map<Long, Job> claimed, Instant now) {
		Map<Long, List<Item>> itemsByJob = jobs.items(claimed.keySet())
			.stream()
			.collect(Collectors.groupingBy(Item::jobId, LinkedHashMap::new, Collectors.toList()));
		List<Item> pending = itemsByJob.values().stream().flatMap(List::stream).filter(Item::pending).toList();
		Map<Long, ItemResult> results = new HashMap<>();
		Optional<Explanation> unreachable = releaseAddresses(pending, claimed, results);
		resetAccounts(pending, results);
		for (Job job : claimed.values()) {
			settle(job, itemsByJob.getOrDefault(job.id(), List.of()), results, unreachable, now);
		}
	}

	/** The oldest due jobs, as many as fit in one batch, and always at least one. */
	private List<Long> batchOf(List<JobRepository.DueJob> due) {
		List<Long> ids = new ArrayList<>();
		int values = 0;
		for (JobRepository.DueJob job : due) {
			values += job.pendingValues();
			if (!ids.isEmpty() && values > properties.maxBatchValues()) {
				break;
			}
			ids.add(job.id());
		}
		return ids;
	}

	/** @return why fail2ban could not be reached, when that is why some addresses still wait */
	private Optional<Explanation> releaseAddresses(List<Item> pending, Map<Long, Job> jobsById,
			Map<Long, ItemResult> results) {
		List<AddressRelease.Pending> addresses = new ArrayList<>();
		for (Item item : pending) {
			if (item.target().kind() == ItemKind.IP) {
				try {
					addresses.add(new AddressRelease.Pending(item, BanTarget.parse(item.target().value()),
							jobsById.get(item.jobId())));
				}
				catch (InvalidValueException ex) {
					// stored values were validated before they were queued; one edited by hand fails alone
					results.put(item.id(), ItemResult.failed(
							new Failure("value.invalid", Explanation.of(ex.code(), ex.value()))));
				}
			}
		}
		try {
			AddressRelease.Outcome outcome = new AddressRelease(fail2ban, seen -> storeSeen(seen, jobsById))
				.run(addresses);
			results.putAll(outcome.results());
			outcome.unreachable()
				.ifPresent(reason -> logger.info("fail2ban cannot be reached, address(es) wait: {}", reason));
			return outcome.unreachable();
		}
		catch (RuntimeException ex) {
			logger.error("Unbanning {} address(es) failed unexpectedly", addresses.size(), ex);
			addresses.forEach(address -> results.put(address.id(), ItemResult.failed(Failure.UNEXPECTED)));
			return Optional.empty();
		}
	}

	/** Stores what an attempt saw for the jobs this instance still holds, in one transaction. */
	private void storeSeen(List<Item> seen, Map<Long, Job> jobsById) {
		transactions.executeWithoutResult(status -> {
			Map<Long, Boolean> held = new HashMap<>();
			seen.stream()
				.filter(item -> held.computeIfAbsent(item.jobId(), id -> stillHeld(jobsById.get(id))))
				.forEach(jobs::store);
		});
	}

	/** Whether this instance still holds the job's lease; locks the job's row for the rest of the transaction. */
	private boolean stillHeld(Job job) {
		boolean held = jobs.lockHeld(job, leases.owner());
		if (!held) {
			logger.warn("Job {} was taken over by another panel after this one's lease ran out; it reports the results",
					job.id());
		}
		return held;
	}

	/**
	 * One reset per distinct account; failures cleared are credited to the first job of the batch that asked, the
	 * later ones find none left, exactly as they would have in the next batch.
	 */
	private void resetAccounts(List<Item> pending, Map<Long, ItemResult> results) {
		Map<String, ItemResult> byAccount = new HashMap<>();
		for (Item item : pending) {
			if (item.target().kind() == ItemKind.ACCOUNT) {
				String user = item.target().value();
				ItemResult first = byAccount.get(user);
				if (first == null) {
					ItemResult reset = reset(user);
					byAccount.put(user, reset);
					results.put(item.id(), reset);
				}
				else {
					results.put(item.id(), first.state() == ItemState.CLEARED ? ItemResult.cleared(0) : first);
				}
			}
		}
	}

	private ItemResult reset(String user) {
		try {
			return ItemResult.cleared(accountLocks.reset(AccountName.parse(user)).failures());
		}
		catch (AccountLockException ex) {
			logger.warn("Resetting account {} failed: {}", user, ex.getMessage());
			return ItemResult.failed(new Failure("account." + ex.reason().name(), ex.explanation()));
		}
		catch (RuntimeException ex) {
			logger.error("Resetting account {} failed unexpectedly", user, ex);
			return ItemResult.failed(Failure.UNEXPECTED);
		}
	}

	/**
	 * Hands the batch's results to one job's pending items, then ends the job or queues it again, and tells the other
	 * modules, all in one transaction.
	 */
	private void settle(Job job, List<Item> items, Map<Long, ItemResult> results, Optional<Explanation> unreachable,
			Instant now) {
		Instant deadline = job.createdAt().plus(properties.retryFor());
		boolean retryTimeOver = !now.isBefore(deadline);
		List<Item> after = new ArrayList<>();
		List<Item> changed = new ArrayList<>();
		for (Item item : items) {
			Item settled = item.pending() ? item.with(resultFor(item, results, unreachable, retryTimeOver)) : item;
			after.add(settled);
			if (item.pending() && !settled.pending()) {
				changed.add(settled);
			}
		}
		boolean finished = after.stream().noneMatch(Item::pending);
		transactions.executeWithoutResult(status -> {
			if (!stillHeld(job)) {
				return;
			}
			changed.forEach(jobs::store);
			JobState state;
			if (finished) {
				state = finish(job, after, now);
			}
			else {
				state = JobState.QUEUED;
				Instant next = min(now.plus(properties.delayAfter(job.attempts())), deadline);
				jobs.requeue(job.id(), next, new Failure("waiting", unreachable.orElseThrow()));
			}
			if (finished || !changed.isEmpty()) {
				events.publishEvent(settled(job, state, changed, after));
			}
		});
	}

	private static JobSettled settled(Job job, JobState state, List<Item> changed, List<Item> after) {
		return new JobSettled(job.id(), job.submittedBy(), job.clientAddress(), state, job.trustFor(), job.jails(),
				changed.stream().map(JobSettled.SettledItem::of).toList(),
				state.finished() ? unblocked(after) : List.of());
	}

	private ItemResult resultFor(Item item, Map<Long, ItemResult> results, Optional<Explanation> unreachable,
			boolean retryTimeOver) {
		ItemResult result = results.get(item.id());
		if (result != null) {
			return result;
		}
		if (unreachable.isEmpty()) {
			logger.error("fail2ban gave no answer for {} and was not unreachable", item.target().value());
			return ItemResult.failed(Failure.UNEXPECTED);
		}
		return retryTimeOver ? ItemResult.failed(new Failure("fail2ban.UNREACHABLE", unreachable.get()))
				: item.result();
	}

	private JobState finish(Job job, List<Item> items, Instant now) {
		List<Failure> errors = items.stream()
			.filter(item -> item.result().state() == ItemState.FAILED)
			.map(item -> item.result().error())
			.distinct()
			.toList();
		JobState state;
		Failure failure = null;
		if (items.stream().allMatch(item -> item.result().state().succeeded())) {
			state = JobState.DONE;
		}
		else if (items.stream().anyMatch(item -> item.result().state().progressed())) {
			state = JobState.PARTLY_DONE;
		}
		else {
			state = JobState.FAILED;
			failure = (errors.size() == 1) ? errors.get(0) : Failure.ALL_FAILED;
		}
		jobs.finish(job.id(), state, now, failure);
		return state;
	}

	/** The addresses of the job that no jail of the job holds any more: the ones a trust applies to. */
	private static List<String> unblocked(List<Item> items) {
		return items.stream()
			.filter(item -> item.target().kind() == ItemKind.IP && item.result().state().succeeded())
			.map(item -> item.target().value())
			.toList();
	}

	private static Instant min(Instant first, Instant second) {
		return first.isBefore(second) ? first : second;
	}

}
