package org.unbanpanel.jobs;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.stereotype.Component;

/**
 * Hands the jobs' events again to the listeners that failed on them (the audit trail or the trust module could not
 * store what they heard), every {@link JobsProperties#retryMaxInterval()}, from the event publication registry. What
 * a stopped panel left unhandled is handed out again on start
 * ({@code spring.modulith.events.republish-outstanding-events-on-restart}).
 */
@Component
class FailedEventRetry implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(FailedEventRetry.class);

	private final FailedEventPublications failed;

	private final JobsProperties properties;

	private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1,
			(task) -> new Thread(task, "job-event-retry"));

	FailedEventRetry(FailedEventPublications failed, JobsProperties properties) {
		this.failed = failed;
		this.properties = properties;
		this.executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		long interval = properties.retryMaxInterval().toMillis();
		executor.scheduleWithFixedDelay(this::resubmit, interval, interval, TimeUnit.MILLISECONDS);
	}

	void resubmit() {
		try {
			failed.resubmit(ResubmissionOptions.defaults()
				.withFilter(publication -> publication.getEvent() instanceof JobSubmitted
						|| publication.getEvent() instanceof JobSettled));
		}
		catch (RuntimeException ex) {
			logger.warn("Handing failed job events out again failed; trying again in {}",
					properties.retryMaxInterval(), ex);
		}
	}

	@Override
	public void close() {
		executor.shutdownNow();
	}

}
