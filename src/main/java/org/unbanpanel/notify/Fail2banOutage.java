package org.unbanpanel.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.fail2ban.Fail2banHealth;

/**
 * Tells when fail2ban has been unreachable, or silent, for {@link NotifyProperties#unreachableAfter()}, once per
 * outage, and when it answers again after that. It asks {@link Fail2banHealth} every tenth of that time, at most every
 * 30 s: about one {@code fail2ban-client version} each time, fewer while pages ask it anyway, and none while no
 * destination is configured.
 */
@Component
class Fail2banOutage implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(Fail2banOutage.class);

	private static final Duration LONGEST_INTERVAL = Duration.ofSeconds(30);

	private final Fail2banHealth health;

	private final Notices notices;

	private final NotifyProperties properties;

	private final MessageSource messages;

	private final Clock clock;

	private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, (task) -> {
		Thread thread = new Thread(task, "fail2ban-outage");
		thread.setDaemon(true);
		return thread;
	});

	/** Since when fail2ban has not answered, and whether a notice said so; touched only by the check's thread. */
	private Instant downSince;

	private boolean told;

	Fail2banOutage(Fail2banHealth health, Notices notices, NotifyProperties properties, MessageSource messages,
			Clock clock) {
		this.health = health;
		this.notices = notices;
		this.properties = properties;
		this.messages = messages;
		this.clock = clock;
		this.executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		long interval = Math.max(1000, Math.min(LONGEST_INTERVAL.toMillis(), properties.unreachableAfter().toMillis() / 10));
		executor.scheduleWithFixedDelay(this::checkSafely, interval, interval, TimeUnit.MILLISECONDS);
	}

	private void checkSafely() {
		try {
			check();
		}
		catch (RuntimeException ex) {
			logger.warn("Checking whether fail2ban answers failed", ex);
		}
	}

	void check() {
		if (notices.destinations().isEmpty()) {
			return;
		}
		Explanation problem = health.problem();
		Duration silence = health.notAnsweringFor();
		Instant now = clock.instant();
		if (problem == null && silence == null) {
			if (told) {
				notices.add("fail2ban-answers-again",
						NoticeTriggers.values("since", downSince.toString(), "minutes", minutesDown(now)));
			}
			downSince = null;
			told = false;
			return;
		}
		if (downSince == null) {
			downSince = (silence != null) ? now.minus(silence) : now;
		}
		if (!told && !Duration.between(downSince, now).minus(properties.unreachableAfter()).isNegative()) {
			String reason = (problem != null) ? messages.getMessage(problem, Locale.ENGLISH)
					: messages.getMessage("fail2ban.notAnswering", new Object[] { silence.toSeconds() }, Locale.ENGLISH);
			notices.add("fail2ban-unreachable",
					NoticeTriggers.values("since", downSince.toString(), "minutes", minutesDown(now), "reason", reason));
			told = true;
		}
	}

	private long minutesDown(Instant now) {
		return Duration.between(downSince, now).toMinutes();
	}

	@Override
	public void close() {
		executor.shutdownNow();
	}

}
