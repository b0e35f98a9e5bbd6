package org.unbanpanel.fail2ban;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.hosts.Hosts;

/**
 * Whether fail2ban answers, remembered for a few seconds from the moment its answer arrived, so that a busy page does
 * not start one fail2ban-client per request. Every page shows a signed-in user the problem, if any, in a banner
 * (fragments/layout.html asks for it only then, so API calls, redirects and the sign-in page never start a
 * fail2ban-client), and says so when fail2ban has not answered for a while and the pages show its last known state.
 * Neither ever waits longer than the panel's reads do ({@code panel.fail2ban.reads.answer-within}) when fail2ban is
 * hung. The layout finds it by its bean name, which is set here so that a test slice importing the class registers it
 * under the same name.
 * <p>
 * While something waits for fail2ban ({@link #watchUntil}), it asks fail2ban every {@link #PROBE_INTERVAL}; whenever
 * a reading finds fail2ban answering after one that did not, it publishes {@link Fail2banAnswersAgain}.
 */
@Component("fail2banHealth")
public class Fail2banHealth implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(Fail2banHealth.class);

	static final Duration REMEMBER_FOR = Duration.ofSeconds(5);

	/** How often a watch asks fail2ban: one fail2ban-client run each time, so that a waiting job runs within 2 s. */
	static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);

	private final Fail2ban fail2ban;

	/** False when this machine is not one of the panel's hosts: then its fail2ban is never asked. */
	private final boolean thisMachineIsAHost;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ScheduledThreadPoolExecutor prober = new ScheduledThreadPoolExecutor(1, (task) -> {
		Thread thread = new Thread(task, "fail2ban-probe");
		thread.setDaemon(true);
		return thread;
	});

	private volatile Reading last;

	/** Whether a reading, or a watcher, found fail2ban unreachable since it last answered. */
	private volatile boolean unreachable;

	/** The probe's schedule while a watch lasts; guarded by {@code this}. */
	private ScheduledFuture<?> probe;

	/** Until when it is watched; guarded by {@code this}. */
	private Instant watchedUntil = Instant.MIN;

	@Autowired
	Fail2banHealth(Fail2ban fail2ban, Environment environment, ApplicationEventPublisher events,
			ObjectProvider<Clock> clock) {
		this(fail2ban, Hosts.includesThisMachine(environment), events, clock.getIfAvailable(Clock::systemUTC));
	}

	Fail2banHealth(Fail2ban fail2ban, boolean thisMachineIsAHost, ApplicationEventPublisher events, Clock clock) {
		this.fail2ban = fail2ban;
		this.thisMachineIsAHost = thisMachineIsAHost;
		this.events = events;
		this.clock = clock;
		this.prober.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
	}

	/**
	 * Asks fail2ban every {@link #PROBE_INTERVAL} until it answers, or until the given time has passed; returns at
	 * once. A longer watch extends the running one. The caller found fail2ban unreachable: the first answer after
	 * this call is published as {@link Fail2banAnswersAgain}.
	 */
	public synchronized void watchUntil(Instant until) {
		unreachable = true;
		if (until.isAfter(watchedUntil)) {
			watchedUntil = until;
		}
		if (probe == null && !prober.isShutdown()) {
			long interval = PROBE_INTERVAL.toMillis();
			probe = prober.scheduleWithFixedDelay(this::probe, interval, interval, TimeUnit.MILLISECONDS);
		}
	}

	private void probe() {
		boolean answers = false;
		try {
			answers = read().problem() == null;
		}
		catch (RuntimeException ex) {
			// a task that throws is never run again: the watch goes on until its time
			logger.warn("Asking whether fail2ban answers failed", ex);
		}
		synchronized (this) {
			if ((answers || !clock.instant().isBefore(watchedUntil)) && probe != null) {
				probe.cancel(false);
				probe = null;
			}
		}
	}

	/**
	 * What is wrong with fail2ban, said in the page's language, or {@code null} when it answers or this machine is not
	 * one of the panel's hosts.
	 */
	public Explanation problem() {
		return thisMachineIsAHost ? current().problem() : null;
	}

	/**
	 * How long fail2ban has answered nothing, in whole seconds rounded up, when that is long enough to call it silent;
	 * {@code null} while it answers, or when this machine is not one of the panel's hosts. Meanwhile the pages show the
	 * last state it reported.
	 */
	public Duration notAnsweringFor() {
		return thisMachineIsAHost ? silence(fail2ban, clock) : null;
	}

	/**
	 * How long this fail2ban (of any host) has answered nothing, in whole seconds rounded up, when that is long enough
	 * to call it silent; {@code null} while it answers.
	 */
	public static Duration silence(Fail2ban fail2ban, Clock clock) {
		return fail2ban.notAnsweringSince()
			.map(since -> wholeSeconds(Duration.between(since, clock.instant())))
			.orElse(null);
	}

	/** The duration rounded up to whole seconds, so that half a second of silence reads as 1 s, not 0 s. */
	static Duration wholeSeconds(Duration duration) {
		long seconds = duration.toSeconds();
		return Duration.ofSeconds(duration.equals(Duration.ofSeconds(seconds)) ? seconds : seconds + 1);
	}

	private Reading current() {
		Reading reading = last;
		if (reading == null || Duration.between(reading.at(), clock.instant()).compareTo(REMEMBER_FOR) > 0) {
			reading = read();
		}
		return reading;
	}

	/**
	 * Asks fail2ban and remembers the answer, stamped when it arrived, so that a slow answer is remembered as long as a
	 * quick one; tells when it answers after a reading that found it unreachable.
	 */
	private Reading read() {
		Explanation problem = null;
		try {
			fail2ban.version();
		}
		catch (Fail2banException ex) {
			problem = ex.explanation();
		}
		Reading reading = new Reading(clock.instant(), problem);
		last = reading;
		if (reading.problem() != null) {
			unreachable = true;
		}
		else if (unreachable) {
			unreachable = false;
			tellAnswering();
		}
		return reading;
	}

	/** A listener that fails costs only the early wake-up: the page, or the probe, goes on. */
	private void tellAnswering() {
		try {
			events.publishEvent(new Fail2banAnswersAgain(clock.instant()));
		}
		catch (RuntimeException ex) {
			logger.warn("Telling that fail2ban answers again failed", ex);
		}
	}

	@Override
	public void close() {
		prober.shutdownNow();
	}

	private record Reading(Instant at, Explanation problem) {
	}

}
