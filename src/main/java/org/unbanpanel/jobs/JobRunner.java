package org.unbanpanel.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.unbanpanel.audit.AuditAction;
import org.unbanpanel.audit.AuditEntry;
import org.unbanpanel.audit.AuditTrail;
import org.unbanpanel.core.AccountName;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.core.InvalidValueException;
import org.unbanpanel.fail2ban.Fail2ban;
import org.unbanpanel.fail2ban.Fail2banException;
import org.unbanpanel.fail2ban.UnbanOutcome;
import org.unbanpanel.pam.AccountLocks;
import org.unbanpanel.pam.LockRecord;
import org.unbanpanel.trust.TrustService;

/**
 * Runs the jobs that are due, all of them together as one batch: one {@link Fail2ban#unban} for every address of
 * every job, and one reset per distinct account, whose results are then handed back to each job. While fail2ban
 * cannot be reached, the addresses stay pending and their jobs are queued again with back-off, until
 * {@link JobsProperties#retryFor()} after submission has passed. When a job asks for a trust, its addresses that
 * are banned nowhere afterwards are trusted once it has finished.
 */
@Component
class JobRunner {

	private static final Logger logger = LoggerFactory.getLogger(JobRunner.class);

	/** What a page shows for an error that is not fail2ban's: its details are for the log, not for the browser. */
	static final String UNEXPECTED = "unexpected error, see the panel's log";

	private final JobRepository jobs;

	private final Fail2ban fail2ban;

	private final AccountLocks accountLocks;

	private final AuditTrail audit;

	private final TrustService trusts;

	private final TransactionTemplate transactions;

	private final JobsProperties properties;

	private final Clock clock;

	JobRunner(JobRepository jobs, Fail2ban fail2ban, AccountLocks accountLocks, AuditTrail audit, TrustService trusts,
			PlatformTransactionManager transactionManager, JobsProperties properties, Clock clock) {
		this.jobs = jobs;
		this.fail2ban = fail2ban;
		this.accountLocks = accountLocks;
		this.audit = audit;
		this.trusts = trusts;
		this.transactions = new TransactionTemplate(transactionManager);
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Runs batch after batch until no job is due.
	 * @return when the next queued job is due, if any is waiting
	 */
	Optional<Instant> runDueJobs() {
		while (runBatch()) {
			// the jobs beyond one batch's size follow at once
		}
		return jobs.nextAttempt();
	}

	private boolean runBatch() {
		Instant now = clock.instant();
		List<Long> ids = batchOf(jobs.due(now));
		if (ids.isEmpty()) {
			return false;
		}
		List<Job> claimed = jobs.claim(ids, now);
		Map<Long, List<Item>> itemsByJob = jobs.items(ids)
			.stream()
			.collect(Collectors.groupingBy(Item::jobId, LinkedHashMap::new, Collectors.toList()));
		Results results = execute(itemsByJob.values().stream().flatMap(List::stream).filter(Item::pending).toList());
		for (Job job : claimed) {
			settle(job, itemsByJob.getOrDefault(job.id(), List.of()), results, now);
		}
		return true;
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

	/**
	 * What came of each distinct value; addresses are missing while fail2ban cannot be reached. A release is credited
	 * to the first job of the batch that asked for the value; the later ones find it free already, exactly as they
	 * would have in the next batch: two admins releasing the same address at once see one "unbanned" and one "was not
	 * banned".
	 */
	private record Results(Map<Target, ItemResult> byTarget, Optional<String> unreachable, Set<Target> credited) {

		Results(Map<Target, ItemResult> byTarget, Optional<String> unreachable) {
			this(byTarget, unreachable, new HashSet<>());
		}

		ItemResult handOut(Target target, ItemResult result) {
			if ((result.state() != ItemState.UNBANNED && result.state() != ItemState.CLEARED) || credited.add(target)) {
				return result;
			}
			return new ItemResult(target.kind() == ItemKind.IP ? ItemState.NOT_BANNED : ItemState.NOT_LOCKED, null);
		}

	}

	private Results execute(List<Item> pending) {
		Map<Target, ItemResult> results = new HashMap<>();
		Map<Target, BanTarget> addresses = new LinkedHashMap<>();
		Set<Target> accounts = new LinkedHashSet<>();
		for (Item item : pending) {
			if (item.target().kind() == ItemKind.ACCOUNT) {
				accounts.add(item.target());
			}
			else {
				parseAddress(item.target(), addresses, results);
			}
		}
		Optional<String> unreachable = unban(addresses, results);
		accounts.forEach(account -> results.put(account, reset(account.value())));
		return new Results(results, unreachable);
	}

	/** Stored values were validated before they were queued; one edited by hand fails alone. */
	private static void parseAddress(Target target, Map<Target, BanTarget> addresses, Map<Target, ItemResult> results) {
		try {
			addresses.put(target, BanTarget.parse(target.value()));
		}
		catch (InvalidValueException ex) {
			results.put(target, ItemResult.failed(ex.getMessage()));
		}
	}

	private Optional<String> unban(Map<Target, BanTarget> addresses, Map<Target, ItemResult> results) {
		if (addresses.isEmpty()) {
			return Optional.empty();
		}
		try {
			for (UnbanOutcome outcome : fail2ban.unban(List.copyOf(addresses.values()))) {
				results.put(new Target(ItemKind.IP, outcome.target().value()), resultOf(outcome));
			}
		}
		catch (Fail2banException ex) {
			if (ex.reason() == Fail2banException.Reason.UNREACHABLE) {
				logger.info("fail2ban cannot be reached, {} address(es) wait: {}", addresses.size(), ex.getMessage());
				return Optional.of(ex.getMessage());
			}
			addresses.keySet().forEach(target -> results.put(target, ItemResult.failed(ex.getMessage())));
		}
		catch (RuntimeException ex) {
			logger.error("Unbanning {} address(es) failed unexpectedly", addresses.size(), ex);
			addresses.keySet().forEach(target -> results.put(target, ItemResult.failed(ex.getMessage())));
		}
		return Optional.empty();
	}

	private static ItemResult resultOf(UnbanOutcome outcome) {
		return switch (outcome.result()) {
			case UNBANNED -> new ItemResult(ItemState.UNBANNED, String.join(", ", outcome.jails()));
			case NOT_BANNED -> new ItemResult(ItemState.NOT_BANNED, null);
			case FAILED -> ItemResult.failed(outcome.message().isBlank()
					? "still banned in " + String.join(", ", outcome.jails()) : outcome.message());
		};
	}

	private ItemResult reset(String user) {
		try {
			LockRecord before = accountLocks.reset(AccountName.parse(user));
			return (before.failures() > 0) ? new ItemResult(ItemState.CLEARED, String.valueOf(before.failures()))
					: new ItemResult(ItemState.NOT_LOCKED, null);
		}
		catch (RuntimeException ex) {
			logger.warn("Resetting account {} failed: {}", user, ex.getMessage());
			return ItemResult.failed(ex.getMessage());
		}
	}

	/** Hands the batch's results to one job's pending items, then ends the job or queues it again. */
	private void settle(Job job, List<Item> items, Results results, Instant now) {
		Instant deadline = job.createdAt().plus(properties.retryFor());
		boolean retryTimeOver = !now.isBefore(deadline);
		List<Item> after = new ArrayList<>();
		List<Item> changed = new ArrayList<>();
		for (Item item : items) {
			Item settled = item.pending() ? item.with(resultFor(item.target(), results, retryTimeOver)) : item;
			after.add(settled);
			if (item.pending() && !settled.pending()) {
				changed.add(settled);
			}
		}
		boolean finished = after.stream().noneMatch(Item::pending);
		transactions.executeWithoutResult(status -> {
			changed.forEach(jobs::store);
			if (finished) {
				finish(job, after, now);
			}
			else {
				Instant next = min(now.plus(properties.delayAfter(job.attempts())), deadline);
				jobs.requeue(job.id(), next, "fail2ban cannot be reached: " + results.unreachable().orElseThrow());
			}
			audit.record(changed.stream().map(item -> auditEntry(job, item)).toList());
		});
		if (finished) {
			trust(job, after);
		}
	}

	/** Trusts the addresses the job left banned nowhere; a failure is kept for the job's page, the unban stands. */
	private void trust(Job job, List<Item> items) {
		if (job.trustFor().isZero()) {
			return;
		}
		List<BanTarget> released = items.stream()
			.filter(item -> item.target().kind() == ItemKind.IP && item.result().state().succeeded())
			.map(item -> BanTarget.parse(item.target().value()))
			.toList();
		try {
			trusts.trust(released, job.trustFor(), job.submittedBy(), job.clientAddress(), job.id());
		}
		catch (Fail2banException ex) {
			logger.warn("Trusting the {} address(es) of job {} failed: {}", released.size(), job.id(), ex.getMessage());
			jobs.trustFailed(job.id(), ex.getMessage());
		}
		catch (RuntimeException ex) {
			logger.error("Trusting the {} address(es) of job {} failed unexpectedly", released.size(), job.id(), ex);
			jobs.trustFailed(job.id(), UNEXPECTED);
		}
	}

	private ItemResult resultFor(Target target, Results results, boolean retryTimeOver) {
		ItemResult result = results.byTarget().get(target);
		if (result != null) {
			return results.handOut(target, result);
		}
		if (results.unreachable().isEmpty()) {
			return ItemResult.failed("fail2ban gave no answer for this address");
		}
		return retryTimeOver ? ItemResult.failed("fail2ban could not be reached for " + readable(properties.retryFor())
				+ " after submission: " + results.unreachable().get()) : ItemResult.PENDING;
	}

	private void finish(Job job, List<Item> items, Instant now) {
		List<String> errors = items.stream()
			.filter(item -> item.result().state() == ItemState.FAILED)
			.map(item -> item.result().detail())
			.distinct()
			.toList();
		if (errors.isEmpty()) {
			jobs.finish(job.id(), JobState.DONE, now, null);
		}
		else if (items.stream().anyMatch(item -> item.result().state().succeeded())) {
			jobs.finish(job.id(), JobState.PARTLY_DONE, now, null);
		}
		else {
			jobs.finish(job.id(), JobState.FAILED, now, String.join("; ", errors));
		}
	}

	private static AuditEntry auditEntry(Job job, Item item) {
		// the item states after PENDING are named like the audit actions that record them
		AuditAction action = AuditAction.valueOf(item.result().state().name());
		return new AuditEntry(job.submittedBy(), job.clientAddress(), action, job.id(), item.target().value(),
				item.result().detail());
	}

	private static Instant min(Instant first, Instant second) {
		return first.isBefore(second) ? first : second;
	}

	/** "10 min" or "90 s", for messages an administrator reads. */
	private static String readable(Duration duration) {
		return (duration.toSecondsPart() == 0 && duration.toMinutes() > 0) ? duration.toMinutes() + " min"
				: duration.toSeconds() + " s";
	}

}
