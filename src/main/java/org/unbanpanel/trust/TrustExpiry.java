package org.unbanpanel.trust;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The one thread that keeps the trusts (each host's part on {@link TrustHosts}' pool): it ends each on time ({@link TrustService#expireDue}), looking again whenever
 * a trust is added or ended, and it checks the ignore lists ({@link TrustService#maintain}) on start and every
 * {@link TrustProperties#checkInterval()} while any trust is current, since fail2ban forgets them when it restarts or
 * reloads. A change checks them only for a trust fail2ban could not take: otherwise the trust or release that caused
 * it has just read them. While fail2ban cannot be reached it tries again every {@link TrustProperties#retryInterval()},
 * so a trust stored while fail2ban was down reaches the lists as soon as it answers.
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

	/** When the ignore lists are next due for a check; touched only by the expiry thread. */
	private Instant nextCheck = Instant.MIN;

	TrustExpiry(TrustService service, TrustProperties properties, Clock clock) {
		this.service = service;
		this.properties = properties;
		this.clock = clock;
		this.executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		executor.execute(() -> run(true));
	}

	/** After the change is committed (a trust stored by a job's listener must be there to be read), or at once. */
	@TransactionalEventListener(fallbackExecution = true)
	void trustsChanged(TrustsChanged changed) {
		if (!executor.isShutdown()) {
			executor.execute(() -> run(changed.checkLists()));
		}
	}

	private void run(boolean checkLists) {
		Instant now = clock.instant();
		Duration untilNext;
		try {
			Optional<Instant> nextEnd = checkLists ? service.maintain() : service.expireDue();
			if (checkLists || nextCheck.isBefore(now)) {
				nextCheck = now.plus(properties.checkInterval());
			}
			untilNext = nextEnd.map(this::untilNextWakeUp).orElse(null);
		}
		catch (RuntimeException ex) {
			untilNext = properties.retryInterval();
			if (checkLists) {
				// the lists are still to be checked: the retry checks them
				nextCheck = Instant.MIN;
			}
			logger.warn("Keeping the trusts failed; trying again in {}: {}", untilNext, ex.getMessage());
		}
		if (timer != null) {
			timer.cancel(false);
		}
		timer = (untilNext != null)
				? executor.schedule(() -> run(!clock.instant().isBefore(nextCheck)), Math.max(untilNext.toMillis(), 0),
						TimeUnit.MILLISECONDS)
				: null;
	}

	/** Until the next end, or the next check of the ignore lists if that comes first. */
	private Duration untilNextWakeUp(Instant nextEnd) {
		return Duration.between(clock.instant(), nextEnd.isBefore(nextCheck) ? nextEnd : nextCheck);
	}

	@Override
	public void close() {
		executor.shutdownNow();
	}

}
