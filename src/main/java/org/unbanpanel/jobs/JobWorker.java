package org.unbanpanel.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.unbanpanel.fail2ban.Fail2banAnswersAgain;
import org.unbanpanel.fail2ban.Fail2banHealth;

/**
 * The one thread that runs jobs. A submission wakes it; while it runs a batch, further submissions gather and make
 * the next batch. When jobs wait, it sleeps until the earliest is due; when some wait for the local fail2ban, it has
 * {@link Fail2banHealth} watch fail2ban meanwhile: when fail2ban answers again ({@link Fail2banAnswersAgain}), those
 * jobs are due at once, not at the end of their grown back-off. Jobs that wait only for another host keep their
 * back-off: the local fail2ban answering says nothing of that host. On start it resumes what a stopped panel left
 * queued or running. It also looks in the queue every {@link JobLeaseProperties#pollEvery()}, for the jobs of other
 * panels that share the database and died: queued ones they accepted, running ones whose lease ran out.
 */
@Component
class JobWorker implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(JobWorker.class);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

	private final JobRunner runner;

	private final JobRepository jobs;

	private final Fail2banHealth fail2banHealth;

	private final JobsProperties properties;

	private final JobLeaseProperties leases;

	private final Clock clock;

	private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1,
			(task) -> new Thread(task, "job-worker"));

	/** Set while a run is queued on the executor, so that a burst of submissions queues only one. */
	private final AtomicBoolean runQueued = new AtomicBoolean();

	/** The wake-up for the next waiting job; touched only by the worker thread. */
	private ScheduledFuture<?> timer;

	private volatile boolean stopping;

	JobWorker(JobRunner runner, JobRepository jobs, Fail2banHealth fail2banHealth, JobsProperties properties,
			JobLeaseProperties leases, Clock clock) {
		this.runner = runner;
		this.jobs = jobs;
		this.fail2banHealth = fail2banHealth;
		this.properties = properties;
		this.leases = leases;
		this.clock = clock;
		this.executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
	}

	/** Has the worker look for due jobs soon; returns at once. */
	void wake() {
		if (!stopping && runQueued.compareAndSet(false, true)) {
			executor.execute(this::run);
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void resume() {
		wake();
	}

	/** Runs the jobs that wait for the local fail2ban now that it answers. */
	@EventListener
	void fail2banAnswers(Fail2banAnswersAgain event) {
		jobs.dueNowForFail2ban(clock.instant());
		wake();
	}

	private void run() {
		runQueued.set(false);
		if (stopping) {
			return;
		}
		Duration untilNext;
		try {
			Optional<Instant> next = runner.runDueJobs();
			// watched only for the jobs that wait for it: the watch's first answer makes them due at once
			jobs.nextAttemptForFail2ban().ifPresent(fail2banHealth::watchUntil);
			untilNext = next.map((time) -> Duration.between(clock.instant(), time))
				.filter((delay) -> delay.compareTo(leases.pollEvery()) < 0)
				.orElse(leases.pollEvery());
		}
		catch (RuntimeException ex) {
			untilNext = properties.retryMaxInterval();
			logger.error("Running jobs failed; trying again in {}", untilNext, ex);
		}
		if (!stopping) {
			scheduleWakeUp(untilNext);
		}
	}

	private void scheduleWakeUp(Duration delay) {
		if (timer != null) {
			timer.cancel(false);
		}
		timer = executor.schedule(this::wake, Math.max(delay.toMillis(), 0), TimeUnit.MILLISECONDS);
	}

	/**
	 * Lets a running batch finish rather than interrupt it: an interrupted batch leaves the values of the hosts it had
	 * not finished waiting, for the next start to try again. What is still queued stays queued for that start.
	 */
	@Override
	public void close() throws InterruptedException {
		stopping = true;
		executor.shutdown();
		if (!executor.awaitTermination(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
			logger.warn("The job worker did not finish its batch within {}; interrupting it", STOP_TIMEOUT);
			executor.shutdownNow();
		}
	}

}
