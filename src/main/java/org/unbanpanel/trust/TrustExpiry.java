package org.unbanpanel.trust;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The one thread that ends trusts on time. On start it restores the stored trusts; afterwards it sleeps until the
 * next one ends, and looks again whenever a trust is added or ended. While fail2ban cannot be reached it tries again
 * every {@link TrustProperties#retryInterval()}.
 */
@Component
class TrustExpiry implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(TrustExpiry.class);

	private final TrustService service;

	private final TrustProperties properties;

	private final Clock clock;

	private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1,
			(task) -> new Thread(task, "trust-expiry"));

	/** The wake-up for the next end; touched only by the expiry thread. */
	private ScheduledFuture<?> timer;

	/** Whether the stored trusts have been restored since the start; touched only by the expiry thread. */
	private boolean restored;

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
		Supplier<Optional<Instant>> step = restored ? service::expireDue : service::restore;
		Duration untilNext;
		try {
			Optional<Instant> next = step.get();
			restored = true;
			untilNext = next.map(end -> Duration.between(clock.instant(), end)).orElse(null);
		}
		catch (RuntimeException ex) {
			untilNext = properties.retryInterval();
			logger.warn("Ending or restoring trusts failed; trying again in {}: {}", untilNext, ex.getMessage());
		}
		if (timer != null) {
			timer.cancel(false);
		}
		timer = (untilNext != null)
				? executor.schedule(this::run, Math.max(untilNext.toMillis(), 0), TimeUnit.MILLISECONDS) : null;
	}

	@Override
	public void close() {
		executor.shutdownNow();
	}

}
