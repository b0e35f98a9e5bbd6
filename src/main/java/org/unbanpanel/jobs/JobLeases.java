package org.unbanpanel.jobs;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * This panel instance's leases on the jobs it runs ({@link JobLeaseProperties}): the jobs of the batch at work are
 * held, and their leases pushed on every {@code renew-every} by a thread of its own, whatever fail2ban is doing
 * meanwhile. A lease that could not be pushed on (the database was gone for longer than the lease) may be taken over
 * by another instance; what this one then did is not stored ({@link JobRepository#lockHeld}).
 */
@Component
class JobLeases implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(JobLeases.class);

	private final JobRepository jobs;

	private final JobLeaseProperties properties;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Set<Long> held = ConcurrentHashMap.newKeySet();

	private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1,
			(task) -> new Thread(task, "job-lease"));

	JobLeases(JobRepository jobs, JobLeaseProperties properties, PlatformTransactionManager transactionManager,
			Clock clock) {
		this.jobs = jobs;
		this.properties = properties;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		long interval = properties.renewEvery().toMillis();
		executor.scheduleWithFixedDelay(this::renew, interval, interval, TimeUnit.MILLISECONDS);
		logger.info("Taking jobs as \"{}\", with leases of {}", properties.owner(), properties.duration());
	}

	String owner() {
		return properties.owner();
	}

	/** Until when a lease taken or pushed on now holds. */
	Instant expiry() {
		return clock.instant().plus(properties.duration());
	}

	void hold(Collection<Long> ids) {
		held.addAll(ids);
	}

	void release(Collection<Long> ids) {
		held.removeAll(ids);
	}

	/**
	 * Confirms, right before an attempt acts on a host, that this instance still holds these attempts, and pushes their
	 * leases on, in a transaction of its own or the caller's (whose rows then stay locked until it ends). A job found
	 * taken over is held no longer: its values are the new holder's, to act on and to report.
	 * @return the ids of the jobs still held
	 */
	Set<Long> confirm(Collection<Job> attempts) {
		Set<Long> confirmed = transactions.execute(status -> jobs.confirm(attempts, owner(), expiry()));
		attempts.stream().map(Job::id).filter(id -> !confirmed.contains(id)).distinct().forEach(id -> {
			held.remove(id);
			logger.warn("Job {} was taken over by another panel after this one's lease ran out; its values are left to it",
					id);
		});
		return confirmed;
	}

	/** Pushes on the leases of the jobs held; never throws, as a scheduled task that throws is not run again. */
	void renew() {
		List<Long> ids = List.copyOf(held);
		if (ids.isEmpty()) {
			return;
		}
		try {
			int renewed = transactions.execute(status -> jobs.renew(ids, owner(), expiry()));
			if (renewed < ids.size()) {
				logger.debug("{} of {} held job(s) ended, were being stored or were taken over", ids.size() - renewed,
						ids.size());
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Pushing on the leases of {} job(s) failed; trying again in {}", ids.size(),
					properties.renewEvery(), ex);
		}
	}

	@Override
	public void close() {
		executor.shutdownNow();
	}

}
