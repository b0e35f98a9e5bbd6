package org.unbanpanel.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.fail2ban.Fail2ban;
import org.unbanpanel.fail2ban.Fail2banHealth;
import org.unbanpanel.fail2ban.Fail2bans;
import org.unbanpanel.hosts.Host;
import org.unbanpanel.hosts.HostAnswer;
import org.unbanpanel.hosts.HostName;
import org.unbanpanel.hosts.Hosts;

/**
 * Tells when fail2ban has been unreachable, or silent, for {@link NotifyProperties#unreachableAfter()}, once per
 * outage, and when it answers again after that: on this machine ({@code fail2ban-unreachable},
 * {@code fail2ban-answers-again}) and on each other host of the fleet, including a host that cannot be reached
 * ({@code …-on-host}, naming it). It asks every tenth of that time, at most every 30 s: {@link Fail2banHealth} here
 * (about one {@code fail2ban-client version}, fewer while pages ask it anyway), one {@code version} on each other host,
 * the hosts side by side; nothing while no destination is configured.
 */
@Component
class Fail2banOutage implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(Fail2banOutage.class);

	private static final Duration LONGEST_INTERVAL = Duration.ofSeconds(30);

	private final Fail2banHealth health;

	private final Hosts hosts;

	private final Fail2bans fail2bans;

	private final Notices notices;

	private final NotifyProperties properties;

	private final MessageSource messages;

	private final Clock clock;

	private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, (task) -> {
		Thread thread = new Thread(task, "fail2ban-outage");
		thread.setDaemon(true);
		return thread;
	});

	/** Each host's outage; touched only by the check's thread. */
	private final Map<HostName, Outage> outages = new HashMap<>();

	Fail2banOutage(Fail2banHealth health, Hosts hosts, Fail2bans fail2bans, Notices notices,
			NotifyProperties properties, MessageSource messages, Clock clock) {
		this.health = health;
		this.hosts = hosts;
		this.fail2bans = fail2bans;
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
		Instant now = clock.instant();
		seen(HostName.LOCAL, health.problem(), health.notAnsweringFor(), now);
		for (HostAnswer<Duration> answer : hosts.ask(host -> !host.isLocal(), this::silenceElsewhere)) {
			seen(answer.host(), answer.problem(), answer.value(), now);
		}
	}

	/** How long another host's fail2ban has answered nothing, {@code null} while it answers. */
	private Duration silenceElsewhere(Host host) {
		Fail2ban fail2ban = fail2bans.on(host);
		fail2ban.version();
		return Fail2banHealth.silence(fail2ban, clock);
	}

	/** What one check saw of one host's fail2ban: a problem, a silence, or neither when it answers. */
	private void seen(HostName host, Explanation problem, Duration silence, Instant now) {
		Outage outage = outages.computeIfAbsent(host, name -> new Outage());
		if (problem == null && silence == null) {
			if (outage.told) {
				notices.add(kind("fail2ban-answers-again", host), NoticeTriggers.values("since",
						outage.downSince.toString(), "minutes", outage.minutes(now), "host", host.value()));
			}
			outages.remove(host);
			return;
		}
		if (outage.downSince == null) {
			outage.downSince = (silence != null) ? now.minus(silence) : now;
		}
		if (!outage.told && !Duration.between(outage.downSince, now).minus(properties.unreachableAfter()).isNegative()) {
			String reason = (problem != null) ? messages.getMessage(problem, Locale.ENGLISH)
					: messages.getMessage("fail2ban.notAnswering", new Object[] { silence.toSeconds() }, Locale.ENGLISH);
			notices.add(kind("fail2ban-unreachable", host), NoticeTriggers.values("since", outage.downSince.toString(),
					"minutes", outage.minutes(now), "reason", reason, "host", host.value()));
			outage.told = true;
		}
	}

	private static String kind(String kind, HostName host) {
		return host.isLocal() ? kind : kind + "-on-host";
	}

	@Override
	public void close() {
		executor.shutdownNow();
	}

	/** Since when a host's fail2ban has not answered, and whether a notice said so. */
	private static final class Outage {

		private Instant downSince;

		private boolean told;

		long minutes(Instant now) {
			return Duration.between(downSince, now).toMinutes();
		}

	}

}
