package org.unbanpanel.watch;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.fail2ban.Fail2ban;
import org.unbanpanel.fail2ban.HeldBan;
import org.unbanpanel.hosts.HostAnswer;
import org.unbanpanel.hosts.HostName;
import org.unbanpanel.jobs.Reban;

/**
 * The one thread that looks for new bans of watched addresses: every {@link WatchProperties#every()}, while any address
 * is watched, one {@code fail2ban-client banned} on each host with watched addresses, the hosts side by side
 * ({@link BansOnHosts}; {@link Fail2ban#whereBannedNow}: every jail's entries, matched here by hash lookups), whatever
 * the number of addresses and jails; nothing at all while none is. Naming the addresses ({@code banned <address> …})
 * would cost fail2ban a search of every jail's list per address: 6 to 18 s for 1,000 addresses against 5,000 bans in
 * {@code WatchBenchmark}, and fail2ban runs its clients' commands one after another in one thread
 * ({@code server/asyncserver.py}), so every other client would wait. Each look waits at most for the command timeout
 * (a frozen fail2ban costs one run held that long, never a pile of them: the next look starts after the last one
 * ended); a host that cannot be asked keeps its watches for the next look while the others' new bans are told, and is
 * logged once until it answers again.
 */
@Component
class ReleaseWatcher implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(ReleaseWatcher.class);

	private final WatchRepository watches;

	private final BansOnHosts bans;

	private final WatchProperties properties;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, (task) -> {
		Thread thread = new Thread(task, "release-watch");
		thread.setDaemon(true);
		return thread;
	});

	/** The hosts whose last look failed; touched only by the watch thread. */
	private final Set<HostName> failing = new HashSet<>();

	ReleaseWatcher(WatchRepository watches, BansOnHosts bans, WatchProperties properties,
			ApplicationEventPublisher events, PlatformTransactionManager transactionManager, Clock clock) {
		this.watches = watches;
		this.bans = bans;
		this.properties = properties;
		this.events = events;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		long every = properties.every().toMillis();
		executor.scheduleWithFixedDelay(this::lookSafely, every, every, TimeUnit.MILLISECONDS);
	}

	/** A task that throws is never run again: every failure is caught here. */
	void lookSafely() {
		try {
			look();
		}
		catch (RuntimeException ex) {
			logger.warn("The release watch failed to look for new bans", ex);
		}
	}

	/** Looks up every watched address once, on its host, and records each new ban. */
	void look() {
		Instant now = clock.instant();
		watches.forgetEnded(now);
		Map<HostName, List<Watch>> current = watches.current(now)
			.stream()
			.collect(Collectors.groupingBy(Watch::host, LinkedHashMap::new, Collectors.toList()));
		if (current.isEmpty()) {
			return;
		}
		Map<HostName, List<BanTarget>> targets = new LinkedHashMap<>();
		current.forEach((host, watched) -> targets.put(host, watched.stream().map(Watch::target).distinct().toList()));
		failing.retainAll(targets.keySet());
		for (HostAnswer<Map<BanTarget, List<HeldBan>>> answer : bans.whereBannedNow(targets)) {
			if (answered(answer)) {
				recordNewBans(current.get(answer.host()), answer.value(), clock.instant());
			}
		}
	}

	private void recordNewBans(List<Watch> watched, Map<BanTarget, List<HeldBan>> held, Instant seen) {
		for (Watch watch : watched) {
			watch.bannedIn(ownBans(held.getOrDefault(watch.target(), List.of())))
				.ifPresent(jail -> bannedAgain(watch, jail, seen));
		}
	}

	/**
	 * Whether the host answered; logs the first of the looks in a row that it did not, and the first that it did again
	 * (a host whose watches all ended is forgotten, so that its next outage is logged again).
	 */
	private boolean answered(HostAnswer<?> answer) {
		if (answer.answered()) {
			if (failing.remove(answer.host())) {
				logger.info("The release watch reaches fail2ban on {} again", answer.host());
			}
			return true;
		}
		if (failing.add(answer.host())) {
			logger.warn("The release watch cannot ask fail2ban on {}; it tries again every {}: {}", answer.host(),
					properties.every(), answer.problem().english());
		}
		return false;
	}

	/** The jails holding the address itself, in either form; a wider network's ban is no new ban of the address. */
	private static List<String> ownBans(List<HeldBan> bans) {
		return bans.stream()
			.filter(ban -> ban.overlap() == HeldBan.Overlap.OWN)
			.map(HeldBan::jail)
			.distinct()
			.toList();
	}

	private void bannedAgain(Watch watch, String jail, Instant at) {
		transactions.executeWithoutResult(status -> {
			if (watches.bannedAgain(watch.id(), jail, at)) {
				events.publishEvent(new BannedAgain(
						new Reban(watch.host(), watch.address(), jail, watch.jobId(), watch.releasedAt(), at)));
			}
		});
	}

	@Override
	public void close() {
		executor.shutdownNow();
	}

}
