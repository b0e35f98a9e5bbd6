package org.unbanpanel.trust;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The one thread that keeps the trusts ({@link TrustService#maintain}): on start, whenever a trust is added or ended,
 * when the next one ends, and every {@link TrustProperties#checkInterval()} while any is current, since fail2ban
 * forgets its ignore lists when it restarts or reloads. While fail2ban cannot be reached it tries again every
 * {@link TrustProperties#retryInterval()}.
 */
@Component
class TrustExpiry implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(TrustExpiry.class);

	private final TrustService service;

	private final TrustProperties properties;

	private final Clock clock;

	private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1,
			(task) -> new Thread(task, "trust-expiry"));

	/** The next wake-up; touched only by the expiry thread. */
	private ScheduledFuture<?> timer;

	TrustExpiry(TrustService service, TrustProperties properties, Clock clock) {
		this.service = service;
		this.properties = properties;
		this.clock = clock;
		this.executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		executor.execute(this::run);
	}

	@EventListener(TrustsChanged.class)
	void trustsChanged() {
		if (!executor.isShutdown()) {
			executor.execute(this::run);
		}
	}

	private void run() {
		Duration untilNext;
		try {
			untilNext = service.maintain().map(this::untilNextWakeUp).orElse(null);
		}
		catch (RuntimeException ex) {
			untilNext = properties.retryInterval();
			logger.warn("Keeping the trusts failed; trying again in {}: {}", untilNext, ex.getMessage());
		}
		if (timer != null) {
			timer.cancel(false);
		}
		timer = (untilNext != null)
				? executor.schedule(this::run, Math.max(untilNext.toMillis(), 0), TimeUnit.MILLISECONDS) : null;
	}

	/** The next end, or the next check of the ignore lists if that comes first. */
	private Duration untilNextWakeUp(Instant nextEnd) {
		Duration untilEnd = Duration.between(clock.instant(), nextEnd);
		return untilEnd.compareTo(properties.checkInterval()) < 0 ? untilEnd : properties.checkInterval();
	}

	@Override
	public void close() {
		executor.shutdownNow();
	}

}
