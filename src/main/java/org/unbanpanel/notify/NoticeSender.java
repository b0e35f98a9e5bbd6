package org.unbanpanel.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The one thread that sends the stored notices, away from the jobs and every other thread: every second it takes those
 * due and tries each once. One that fails is tried again after {@link NotifyProperties#delayAfter}, and marked failed
 * after {@link NotifyProperties#attempts()} attempts, with the last error. An attempt lasts at most the connect and
 * read timeouts; a notice stored while the panel was stopped is sent after the start. Notices sent or failed are kept
 * on the notices page for {@link #KEPT_FOR}.
 */
@Component
class NoticeSender implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(NoticeSender.class);

	static final Duration INTERVAL = Duration.ofSeconds(1);

	/** How long a notice that was sent or failed stays on the notices page. */
	static final Duration KEPT_FOR = Duration.ofDays(30);

	private static final Duration FORGET_EVERY = Duration.ofHours(1);

	private static final int BATCH = 50;

	private final NoticeRepository notices;

	private final Delivery delivery;

	private final NotifyProperties properties;

	private final Clock clock;

	/** When the old notices were last forgotten; touched only by the sender's thread. */
	private Instant forgotten = Instant.MIN;

	private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, (task) -> {
		Thread thread = new Thread(task, "notice-sender");
		thread.setDaemon(true);
		return thread;
	});

	NoticeSender(NoticeRepository notices, Delivery delivery, NotifyProperties properties, Clock clock) {
		this.notices = notices;
		this.delivery = delivery;
		this.properties = properties;
		this.clock = clock;
		this.executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		long interval = INTERVAL.toMillis();
		executor.scheduleWithFixedDelay(this::sendDueSafely, interval, interval, TimeUnit.MILLISECONDS);
	}

	/** A task that throws is never run again. */
	private void sendDueSafely() {
		try {
			sendDue();
		}
		catch (RuntimeException ex) {
			logger.warn("Sending the notices failed", ex);
		}
	}

	void sendDue() {
		Instant now = clock.instant();
		if (forgotten.isBefore(now.minus(FORGET_EVERY))) {
			notices.forgetEndedBefore(now.minus(KEPT_FOR));
			forgotten = now;
		}
		notices.due(now, BATCH).forEach(this::attempt);
	}

	private void attempt(Notice notice) {
		int attempts = notice.attempts() + 1;
		try {
			delivery.send(notice);
			notices.sent(notice.id(), attempts, clock.instant());
		}
		catch (Delivery.DeliveryException ex) {
			Instant next = (attempts < properties.attempts()) ? clock.instant().plus(properties.delayAfter(attempts))
					: null;
			notices.failedAttempt(notice.id(), attempts, ex.getMessage(), next);
			if (next == null) {
				logger.warn("Notice {} ({}) to {} failed after {} attempts: {}", notice.id(), notice.kind(),
						notice.shownDestination(), attempts, ex.getMessage());
			}
		}
	}

	@Override
	public void close() {
		executor.shutdownNow();
	}

}
