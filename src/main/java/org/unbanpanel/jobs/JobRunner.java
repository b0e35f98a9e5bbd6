package org.unbanpanel.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.unbanpanel.core.AccountName;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.core.InvalidValueException;
import org.unbanpanel.fail2ban.Fail2ban;
import org.unbanpanel.hosts.HostName;
import org.unbanpanel.pam.AccountLockException;
import org.unbanpanel.pam.AccountLocks;

/**
 * Runs the jobs that are due, all of them together as one batch, host by host: on each host of the fleet that the
 * batch's values are for, the addresses of every job in one {@link AddressRelease} (two {@code banned} reads and the
 * unban calls between) over that host's fail2ban, and one reset per distinct account over its account locks; the
 * hosts at once, up to {@link JobsProperties#parallelHosts()}. The results are then handed back to each job. While
 * fail2ban or a host cannot be reached, or when a host's part throws or is stopped with the worker, that host's values
 * stay pending (the others settle) and their jobs are queued again with back-off, until
 * {@link JobsProperties#retryFor()} after submission has passed. Whatever a batch settles
 * is stored with a {@link JobSettled} event in one transaction: the audit trail and the trust module take it from
 * there. Several panels may share the queue: a batch's jobs are taken with {@code SELECT … FOR UPDATE SKIP LOCKED}
 * and leased to this instance ({@link JobLeases}); the lease is confirmed and pushed on right before a host's
 * unbans and before its resets, and the values of a job taken over meanwhile are left to its new holder; what an
 * attempt did is stored only while the lease still holds, so that a job taken over by another instance reports its
 * results once.
 */
@Component
class JobRunner implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(JobRunner.class);

	private final JobRepository jobs;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final JobsProperties properties;

	private final JobLeases leases;

	private final Clock clock;

	private final Fleet fleet;

	/** The threads a batch works on several hosts with at once; idle ones end after a minute. */
	private final ThreadPoolExecutor hostThreads;

	/** Held while a batch runs, so that a cancel never meets a job between its claim and its settling. */
	private final ReentrantLock batch = new ReentrantLock();

	JobRunner(JobRepository jobs, Fleet fleet, ApplicationEventPublisher events,
			PlatformTransactionManager transactionManager, JobsProperties properties, JobLeases leases, Clock clock) {
		this.jobs = jobs;
		this.fleet = fleet;
		this.hostThreads = new ThreadPoolExecutor(properties.parallelHosts(), properties.parallelHosts(), 1,
				TimeUnit.MINUTES, new LinkedBlockingQueue<>(), hostThread());
		this.hostThreads.allowCoreThreadTimeOut(true);
		this.events = events;
		this.transactions = new TransactionTemplate(transactionManager);
		this.properties = properties;
		this.leases = leases;
		this.clock = clock;
	}

	private static ThreadFactory hostThread() {
		AtomicInteger count = new AtomicInteger();
		return (task) -> {
			Thread thread = new Thread(task, "job-host-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	@Override
	public void destroy() {
		hostThreads.shutdownNow();
	}

	/**
	 * Runs batch after batch until no job is due.
	 * @return when the next queued job is due, if any is waiting
	 */
	Optional<Instant> runDueJobs() {
		while (!Thread.currentThread().isInterrupted() && runBatchLocked()) {
			// the jobs beyond one batch's size follow at once; a stopping worker leaves them queued
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
		Map<HostName, List<Item>> pendingByHost = itemsByJob.values()
			.stream()
			.flatMap(List::stream)
			.filter(Item::pending)
			.collect(Collectors.groupingBy(item -> item.target().host(), LinkedHashMap::new, Collectors.toList()));
		Map<Long, ItemResult> results = new HashMap<>();
		Map<HostName, Waiting> unreachable = new LinkedHashMap<>();
		Set<Long> takenOver = new HashSet<>();
		onEveryHost(pendingByHost, claimed).forEach((host, outcome) -> {
			results.putAll(outcome.results());
			outcome.waiting().ifPresent(reason -> unreachable.put(host, reason));
			takenOver.addAll(outcome.takenOver());
		});
		for (Job job : claimed.values()) {
			if (!takenOver.contains(job.id())) {
				settle(job, itemsByJob.getOrDefault(job.id(), List.of()), results, unreachable, now);
			}
		}
	}

	/**
	 * Runs each host's part of the batch on the host threads, the hosts at once, and waits for all of them: every
	 * command has its timeout, so a host that does not answer holds up no more than that.
	 */
	private Map<HostName, HostOutcome> onEveryHost(Map<HostName, List<Item>> pendingByHost, Map<Long, Job> jobsById) {
		Map<HostName, Future<HostOutcome>> running = new LinkedHashMap<>();
		pendingByHost.forEach((host, pending) -> running.put(host,
				hostThreads.submit(() -> onHost(host, pending, jobsById))));
		Map<HostName, HostOutcome> outcomes = new LinkedHashMap<>();
		running.forEach((host, future) -> outcomes.put(host, outcome(host, future)));
		return outcomes;
	}

	/**
	 * A host's part of the batch once it has ended. A part that threw, or that this thread stopped waiting for
	 * because it was interrupted (the worker stopping), settles nothing: its values wait for the next attempt, which
	 * reads their bans afresh. An interrupted wait cancels the part, and leaves the flag set for the parts after it.
	 */
	private static HostOutcome outcome(HostName host, Future<HostOutcome> future) {
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			if (!future.cancel(true)) {
				// it ended meanwhile: its outcome is there without waiting
				return outcome(host, future);
			}
			logger.warn("The batch's part on host {} was stopped unfinished; its values wait", host);
			return HostOutcome.unfinished(Explanation.of("job.waiting.interrupted"));
		}
		catch (ExecutionException ex) {
			logger.error("The batch's part on host {} failed unexpectedly; its values wait", host, ex.getCause());
			return HostOutcome.unfinished(Explanation.of("job.waiting.unexpected"));
		}
	}

	/** One host's part of the batch: its addresses in one {@link AddressRelease}, its accounts reset one by one. */
	private HostOutcome onHost(HostName host, List<Item> pending, Map<Long, Job> jobsById) {
		Optional<Fleet.Tools> tools = fleet.tools(host);
		if (tools.isEmpty()) {
			logger.warn("Host {} is no host of the fleet any more; its {} value(s) fail", host, pending.size());
			return HostOutcome.failed(pending, new Failure("host.unknown", Explanation.of("job.host.unknown", host.value())));
		}
		Map<Long, ItemResult> results = new HashMap<>();
		Set<Long> takenOver = new HashSet<>();
		Optional<Explanation> fail2banUnreachable = releaseAddresses(host, tools.get().fail2ban(), pending, jobsById,
				results, takenOver);
		Optional<Explanation> accountsUnreachable = resetAccounts(host, tools.get().accountLocks(), pending, jobsById,
				results, takenOver);
		return new HostOutcome(results, fail2banUnreachable.or(() -> accountsUnreachable).map(Waiting::unreachable),
				takenOver);
	}

	/**
	 * What a host's part of the batch came to.
	 * @param results the values it settled, by item id
	 * @param waiting why the others wait, if any do
	 * @param takenOver the jobs found taken over by another instance right before acting: it left their values alone
	 */
	private record HostOutcome(Map<Long, ItemResult> results, Optional<Waiting> waiting, Set<Long> takenOver) {

		static HostOutcome failed(List<Item> pending, Failure failure) {
			Map<Long, ItemResult> results = new HashMap<>();
			pending.forEach(item -> results.put(item.id(), ItemResult.failed(failure)));
			return new HostOutcome(results, Optional.empty(), Set.of());
		}

		/** Nothing settled: every value of the host waits, for the reason given. */
		static HostOutcome unfinished(Explanation reason) {
			return new HostOutcome(Map.of(), Optional.of(new Waiting(reason, true)), Set.of());
		}

	}

	/**
	 * Why a host's values wait: fail2ban or the host could not be reached, or its part of the attempt did not finish
	 * ({@code unfinished}: it threw or was stopped).
	 */
	private record Waiting(Explanation reason, boolean unfinished) {

		static Waiting unreachable(Explanation reason) {
			return new Waiting(reason, false);
		}

		/** A waiting value's error: {@code waiting}, {@code waiting.accounts} or {@code waiting.unfinished}. */
		Failure pending(ItemKind kind) {
			String code = unfinished ? Failure.WAITING_UNFINISHED
					: (kind == ItemKind.IP) ? Failure.WAITING : Failure.WAITING_ACCOUNTS;
			return new Failure(code, reason);
		}

		/** A value's error once the retry time is over: {@code fail2ban.UNREACHABLE}, … or {@code unfinished}. */
		Failure gaveUp(ItemKind kind) {
			String code = unfinished ? "unfinished"
					: (kind == ItemKind.IP) ? Failure.FAIL2BAN_UNREACHABLE : "account.UNREACHABLE";
			return new Failure(code, reason);
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

	/** @return why fail2ban could not be reached on the host, when that is why some addresses still wait */
	private Optional<Explanation> releaseAddresses(HostName host, Fail2ban fail2ban, List<Item> pending,
			Map<Long, Job> jobsById, Map<Long, ItemResult> results, Set<Long> takenOver) {
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
		// anything else it throws (a bug, a lock or pool timeout of storeSeen) leaves the host's values waiting
		List<Job> addressJobs = addresses.stream().map(AddressRelease.Pending::job).distinct().toList();
		AddressRelease.Outcome outcome = new AddressRelease(fail2ban,
				seen -> storeSeen(seen, addressJobs, takenOver)).run(addresses);
		results.putAll(outcome.results());
		outcome.unreachable()
			.ifPresent(reason -> logger.info("fail2ban cannot be reached on host {}, address(es) wait: {}", host, reason));
		return outcome.unreachable();
	}

	/**
	 * Right before the unbans, in one transaction: confirms the jobs this instance still holds and stores what the
	 * attempt saw for them.
	 * @return the ids of the jobs still held; the others are added to {@code takenOver}
	 */
	private Set<Long> storeSeen(List<Item> seen, List<Job> attempts, Set<Long> takenOver) {
		return transactions.execute(status -> {
			Set<Long> held = confirm(attempts, takenOver);
			seen.stream().filter(item -> held.contains(item.jobId())).forEach(jobs::store);
			return held;
		});
	}

	/** @return the ids of the jobs this instance still holds; the others are added to {@code takenOver} */
	private Set<Long> confirm(Collection<Job> attempts, Set<Long> takenOver) {
		Set<Long> held = leases.confirm(attempts);
		attempts.stream().map(Job::id).filter(id -> !held.contains(id)).forEach(takenOver::add);
		return held;
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
	 * One reset per distinct account on the host; failures cleared are credited to the first job of the batch that
	 * asked, the later ones find none left, exactly as they would have in the next batch. The lease is confirmed right
	 * before the first reset; the accounts of a job taken over are left to its new holder.
	 * @return why the host could not be reached, when that is why accounts still wait
	 */
	private Optional<Explanation> resetAccounts(HostName host, AccountLocks accountLocks, List<Item> pending,
			Map<Long, Job> jobsById, Map<Long, ItemResult> results, Set<Long> takenOver) {
		List<Item> accounts = pending.stream().filter(item -> item.target().kind() == ItemKind.ACCOUNT).toList();
		if (accounts.isEmpty()) {
			return Optional.empty();
		}
		Set<Long> held = confirm(accounts.stream().map(item -> jobsById.get(item.jobId())).distinct().toList(),
				takenOver);
		Map<String, ItemResult> byAccount = new HashMap<>();
		Optional<Explanation> unreachable = Optional.empty();
		for (Item item : accounts) {
			if (!held.contains(item.jobId()) || unreachable.isPresent()) {
				continue;
			}
			String user = item.target().value();
			ItemResult first = byAccount.get(user);
			if (first != null) {
				results.put(item.id(), first.state() == ItemState.CLEARED ? ItemResult.cleared(0) : first);
				continue;
			}
			try {
				ItemResult reset = reset(host, accountLocks, user);
				byAccount.put(user, reset);
				results.put(item.id(), reset);
			}
			catch (AccountLockException ex) {
				// the host cannot be reached: this account and the host's others wait for the next attempt
				logger.info("Host {} cannot be reached, account(s) wait: {}", host, ex.getMessage());
				unreachable = Optional.of(ex.explanation());
			}
		}
		return unreachable;
	}

	/** @throws AccountLockException only {@code UNREACHABLE}: the host could not be asked, the account waits */
	private static ItemResult reset(HostName host, AccountLocks accountLocks, String user) {
		try {
			return ItemResult.cleared(accountLocks.reset(AccountName.parse(user)).failures());
		}
		catch (AccountLockException ex) {
			if (ex.reason() == AccountLockException.Reason.UNREACHABLE) {
				throw ex;
			}
			logger.warn("Resetting account {} on host {} failed: {}", user, host, ex.getMessage());
			return ItemResult.failed(new Failure("account." + ex.reason().name(), ex.explanation()));
		}
		catch (RuntimeException ex) {
			logger.error("Resetting account {} on host {} failed unexpectedly", user, host, ex);
			return ItemResult.failed(Failure.UNEXPECTED);
		}
	}

	/**
	 * Hands the batch's results to one job's pending items, then ends the job or queues it again, and tells the other
	 * modules, all in one transaction. The items of a host that could not be reached wait, each with the reason, and
	 * the job waits for them; once the job's retry time has run out, they fail with it.
	 */
	private void settle(Job job, List<Item> items, Map<Long, ItemResult> results, Map<HostName, Waiting> unreachable,
			Instant now) {
		Instant deadline = job.createdAt().plus(properties.retryFor());
		boolean retryTimeOver = !now.isBefore(deadline);
		List<Item> after = new ArrayList<>();
		List<Item> changed = new ArrayList<>();
		List<Item> waiting = new ArrayList<>();
		for (Item item : items) {
			Item settled = item.pending() ? item.with(resultFor(item, results, unreachable, retryTimeOver)) : item;
			after.add(settled);
			if (item.pending() && !settled.pending()) {
				changed.add(settled);
			}
			else if (settled.pending()) {
				waiting.add(settled);
			}
		}
		boolean finished = waiting.isEmpty();
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
				waiting.forEach(item -> jobs.waits(item.id(), item.result().error()));
				Instant next = min(now.plus(properties.delayAfter(job.attempts())), deadline);
				jobs.requeue(job.id(), next, whyWaiting(after, waiting, unreachable));
			}
			if (finished || !changed.isEmpty()) {
				events.publishEvent(settled(job, state, changed, after));
			}
		});
	}

	/**
	 * Why the job waits: for a job on the local machine alone, why fail2ban could not be reached there, as before
	 * there were hosts; otherwise the host that could not be reached, or how many (each line says why). Code
	 * {@code waiting}, or {@code waiting.unfinished} when no waiting host was unreachable, only unfinished.
	 */
	private static Failure whyWaiting(List<Item> items, List<Item> waiting, Map<HostName, Waiting> unreachable) {
		List<HostName> hosts = waiting.stream().map(item -> item.target().host()).distinct().toList();
		boolean unfinishedOnly = hosts.stream()
			.map(unreachable::get)
			.allMatch(reason -> reason != null && reason.unfinished());
		String code = unfinishedOnly ? Failure.WAITING_UNFINISHED : Failure.WAITING;
		boolean localOnly = items.stream().allMatch(item -> item.target().host().isLocal());
		if (localOnly) {
			return new Failure(code, unreachable.get(HostName.LOCAL).reason());
		}
		if (hosts.size() == 1) {
			return new Failure(code,
					Explanation.of("job.waiting.host", hosts.get(0).value(), unreachable.get(hosts.get(0)).reason()));
		}
		return new Failure(code, Explanation.of("job.waiting.hosts", hosts.size(),
				hosts.stream().map(HostName::value).collect(Collectors.joining(", "))));
	}

	private static JobSettled settled(Job job, JobState state, List<Item> changed, List<Item> after) {
		return new JobSettled(job.id(), job.submittedBy(), job.clientAddress(), state, job.trustFor(), job.jails(),
				changed.stream().map(JobSettled.SettledItem::of).toList(),
				state.finished() ? unblocked(after) : List.of(), state.finished() ? unblockedOnHosts(after) : Map.of());
	}

	/**
	 * The batch's result for a pending item; for one whose host could not be reached or whose host's part did not
	 * finish, the item waiting with the reason ({@link Waiting#pending}), or failed with it once the retry time is
	 * over ({@link Waiting#gaveUp}).
	 */
	private ItemResult resultFor(Item item, Map<Long, ItemResult> results, Map<HostName, Waiting> unreachable,
			boolean retryTimeOver) {
		ItemResult result = results.get(item.id());
		if (result != null) {
			return result;
		}
		Waiting reason = unreachable.get(item.target().host());
		if (reason == null) {
			logger.error("Host {} gave no answer for {} and was not unreachable", item.target().host(),
					item.target().value());
			return ItemResult.failed(Failure.UNEXPECTED);
		}
		if (retryTimeOver) {
			return ItemResult.failed(reason.gaveUp(item.target().kind()));
		}
		return item.result().waiting(reason.pending(item.target().kind()));
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

	/** The addresses of the job that no jail of the job holds any more on the machine the panel runs on. */
	private static List<String> unblocked(List<Item> items) {
		return unblockedOnHosts(items).getOrDefault(HostName.LOCAL.value(), List.of());
	}

	/** The addresses of the job that no jail of the job holds any more, by host: the ones a trust applies to. */
	private static Map<String, List<String>> unblockedOnHosts(List<Item> items) {
		return items.stream()
			.filter(item -> item.target().kind() == ItemKind.IP && item.result().state().succeeded())
			.collect(Collectors.groupingBy(item -> item.target().host().value(), LinkedHashMap::new,
					Collectors.mapping(item -> item.target().value(), Collectors.toList())));
	}

	private static Instant min(Instant first, Instant second) {
		return first.isBefore(second) ? first : second;
	}

}
