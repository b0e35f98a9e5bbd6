package org.unbanpanel.unblock;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The one thread that runs jobs. A submission wakes it; while it runs a batch, further submissions gather and make
 * the next batch. When jobs wait for fail2ban, it sleeps until the earliest is due. On start it resumes what a
 * stopped panel left queued or running.
 */
@Component
class UnblockWorker implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(UnblockWorker.class);

	private final JobRunner runner;

	private final JobsProperties properties;

	private final Clock clock;

	private final ScheduledExecutorService executor = Executors
		.newSingleThreadScheduledExecutor((task) -> new Thread(task, "unblock-worker"));

	/** Set while a run is queued on the executor, so that a burst of submissions queues only one. */
	private final AtomicBoolean runQueued = new AtomicBoolean();

	/** The wake-up for the next waiting job; touched only by the worker thread. */
	private ScheduledFuture<?> timer;

	UnblockWorker(JobRunner runner, JobsProperties properties, Clock clock) {
		this.runner = runner;
		this.properties = properties;
		this.clock = clock;
	}

	/** Has the worker look for due jobs soon; returns at once. */
	void wake() {
		if (!executor.isShutdown() && runQueued.compareAndSet(false, true)) {
			executor.execute(this::run);
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void resume() {
		wake();
	}

	private void run() {
		runQueued.set(false);
		Duration untilNext;
		try {
			untilNext = runner.runDueJobs().map((next) -> Duration.between(clock.instant(), next)).orElse(null);
		}
		catch (RuntimeException ex) {
			untilNext = properties.retryMaxInterval();
			logger.error("Running jobs failed; trying again in {}", untilNext, ex);
		}
		scheduleWakeUp(untilNext);
	}

	private void scheduleWakeUp(Duration delay) {
		if (timer != null) {
			timer.cancel(false);
		}
		timer = (delay != null) ? executor.schedule(this::wake, Math.max(delay.toMillis(), 0), TimeUnit.MILLISECONDS)
				: null;
	}

	@Override
	public void close() throws InterruptedException {
		executor.shutdownNow();
		if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
			logger.warn("The job worker did not stop within 30 s");
		}
	}

}
