package org.unbanpanel.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Sends the stored notices, away from the jobs and every other thread: every second one thread looks which destinations
 * have notices due, and hands each destination that is not busy to a small pool, which tries that destination's due
 * notices once each, oldest first. So each destination has at most one attempt in flight, and one that hangs until its
 * read timeout delays only its own notices, never another's. One that fails is tried again after
 * {@link NotifyProperties#delayAfter}, and marked failed after {@link NotifyProperties#attempts()} attempts, with the
 * last error. An attempt lasts at most the connect and read timeouts; a notice stored while the panel was stopped is
 * sent after the start. Several panels on one database send each notice once: an attempt starts only on a notice this
 * panel claimed ({@link NoticeRepository#claim}). Notices sent or failed are kept on the notices page for {@link #KEPT_FOR}.
 */
@Component
class NoticeSender implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(NoticeSender.class);

	static final Duration INTERVAL = Duration.ofSeconds(1);

	/** How long a notice that was sent or failed stays on the notices page. */
	static final Duration KEPT_FOR = Duration.ofDays(30);

	/**
	 * The most destinations sent to at once: one thread per webhook and one for mail, up to this; beyond it a
	 * destination waits for a thread, never for another destination's answer once it has one.
	 */
	static final int MAX_SENDERS = 8;

	private static final Duration FORGET_EVERY = Duration.ofHours(1);

	private static final int BATCH = 50;

	private final NoticeRepository notices;

	private final Delivery delivery;

	private final NotifyProperties properties;

	private final Clock clock;

	/** When the old notices were last forgotten; touched only by the polling thread. */
	private Instant forgotten = Instant.MIN;

	/** The destinations whose notices a sender is on. */
	private final Set<String> busy = ConcurrentHashMap.newKeySet();

	private final ScheduledThreadPoolExecutor poller = new ScheduledThreadPoolExecutor(1, threads("notice-poller"));

	private final ThreadPoolExecutor senders;

	NoticeSender(NoticeRepository notices, Delivery delivery, NotifyProperties properties, Clock clock) {
		this.notices = notices;
		this.delivery = delivery;
		this.properties = properties;
		this.clock = clock;
		this.poller.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
		int size = Math.min(properties.webhooks().size() + 1, MAX_SENDERS);
		this.senders = new ThreadPoolExecutor(size, size, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(),
				threads("notice-sender"));
		this.senders.allowCoreThreadTimeOut(true);
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		long interval = INTERVAL.toMillis();
		poller.scheduleWithFixedDelay(this::sendDueSafely, interval, interval, TimeUnit.MILLISECONDS);
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

	/**
	 * Hands each destination with notices due, unless a sender is on it already, to a sender.
	 * @return done when the senders started now are done (for tests; the polling thread never waits for it)
	 */
	CompletableFuture<Void> sendDue() {
		Instant now = clock.instant();
		if (forgotten.isBefore(now.minus(FORGET_EVERY))) {
			notices.forgetEndedBefore(now.minus(KEPT_FOR));
			forgotten = now;
		}
		List<CompletableFuture<Void>> started = notices.dueDestinations(now)
			.stream()
			.filter(busy::add)
			.map(destination -> CompletableFuture.runAsync(() -> sendDueTo(destination, now), senders))
			.toList();
		return CompletableFuture.allOf(started.toArray(CompletableFuture[]::new));
	}

	private void sendDueTo(String destination, Instant now) {
		try {
			for (Notice notice : notices.due(now, destination, BATCH)) {
				Instant claimedAt = clock.instant();
				if (notices.claim(notice, claimedAt, claimedAt.plus(properties.attemptHold()))) {
					attempt(notice);
				}
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Sending the notices to {} failed", destination, ex);
		}
		finally {
			busy.remove(destination);
		}
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
		poller.shutdownNow();
		senders.shutdownNow();
	}

	private static ThreadFactory threads(String name) {
		AtomicInteger count = new AtomicInteger();
		return task -> {
			Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
