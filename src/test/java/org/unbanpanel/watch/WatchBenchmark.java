package org.unbanpanel.watch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.unbanpanel.exec.CommandRunners;
import org.unbanpanel.fail2ban.Fail2banAdapters;
import org.unbanpanel.hosts.HostName;
import org.unbanpanel.testsupport.CountingCommandRunner;
import org.unbanpanel.testsupport.Fail2banServer;
import org.unbanpanel.testsupport.TestDatabase;
import org.unbanpanel.testsupport.WithRealTools;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13's figure, printed, not asserted: what watching 1,000 released addresses costs, against a real fail2ban that
 * holds 5,000 other bans across its six jails. The watch runs on its own schedule (every 2 s, the default) for one
 * minute and the fail2ban-client runs it started are counted, next to what one run per address per look would cost;
 * then single looks are timed. Halfway through the minute one watched address is banned and the time until the watch
 * tells it is printed.
 * Run with {@code ./mvnw -Pbenchmark test -Dtest=WatchBenchmark}.
 */
@Tag("benchmark")
@WithRealTools(fail2ban = WithRealTools.Fail2banSetUp.SILENT_ACTIONS)
class WatchBenchmark {

	static final int WATCHED = 1_000;

	static final int OTHER_BANS = 5_000;

	static final Duration EVERY = Duration.ofSeconds(2);

	static final int LOOKS = 15;

	private static Fail2banServer server;

	@BeforeAll
	static void banOthers(Fail2banServer started) {
		server = started;
		List<String> others = addresses(172, OTHER_BANS);
		int perJail = OTHER_BANS / Fail2banServer.JAILS.size() + 1;
		for (int jail = 0; jail < Fail2banServer.JAILS.size(); jail++) {
			List<String> some = others.subList(Math.min(others.size(), jail * perJail),
					Math.min(others.size(), (jail + 1) * perJail));
			for (int from = 0; from < some.size(); from += 500) {
				server.ban(Fail2banServer.JAILS.get(jail), some.subList(from, Math.min(some.size(), from + 500))
					.toArray(String[]::new));
			}
		}
	}

	@Test
	void countsTheFail2banClientRunsOfAMinuteOfWatching1000Addresses() throws InterruptedException {
		CountingCommandRunner runner = new CountingCommandRunner(CommandRunners.real(Duration.ofSeconds(30)));
		WatchRepository watches = watched();
		List<Object> told = new CopyOnWriteArrayList<>();
		ReleaseWatcher watcher = new ReleaseWatcher(watches,
				EachHostsFail2ban.local(Fail2banAdapters.over(runner, server.command())),
				new WatchProperties(Duration.ofHours(1), EVERY), told::add, new TestDatabase().transactions(),
				Clock.systemUTC());
		runner.takeCount();
		long start = System.nanoTime();
		watcher.start();
		Thread.sleep(30_000);
		long banned = System.nanoTime();
		server.ban("dovecot", "10.0.1.200");
		while (told.isEmpty() && System.nanoTime() - banned < Duration.ofSeconds(20).toNanos()) {
			Thread.sleep(10);
		}
		long seen = System.nanoTime();
		Thread.sleep(Math.max(0, Duration.ofMinutes(1).toMillis() - (seen - start) / 1_000_000));
		watcher.close();
		int runs = runner.takeCount();
		double minutes = (System.nanoTime() - start) / 60e9;
		System.out.printf("%nWATCH BENCHMARK %d watched addresses, %d other bans, a look every %d s:%n", WATCHED,
				OTHER_BANS, EVERY.toSeconds());
		System.out.printf("  fail2ban-client runs per minute: %.1f (one run per address per look would be %d)%n",
				runs / minutes, WATCHED * 60 / EVERY.toSeconds());
		System.out.printf("  new ban of a watched address told %d ms after fail2ban took it%n", (seen - banned) / 1_000_000);
		assertThat(told).hasSize(1);
		assertThat(runs).isPositive();
	}

	@Test
	void timesOneLookAt1000Addresses() {
		CountingCommandRunner runner = new CountingCommandRunner(CommandRunners.real(Duration.ofSeconds(30)));
		ReleaseWatcher watcher = new ReleaseWatcher(watched(),
				EachHostsFail2ban.local(Fail2banAdapters.over(runner, server.command())),
				new WatchProperties(Duration.ofHours(1), EVERY), event -> {
				}, new TestDatabase().transactions(), Clock.systemUTC());
		List<Long> millis = new ArrayList<>();
		for (int look = 0; look < LOOKS; look++) {
			long start = System.nanoTime();
			watcher.look();
			millis.add((System.nanoTime() - start) / 1_000_000);
		}
		Collections.sort(millis);
		System.out.printf("%nWATCH BENCHMARK one look at %d addresses: %d fail2ban-client run(s), median %d ms (min %d,"
				+ " max %d) over %d looks%n", WATCHED, runner.takeCount() / LOOKS, millis.get(LOOKS / 2), millis.get(0),
				millis.get(LOOKS - 1), LOOKS);
	}

	/** A fresh database watching {@link #WATCHED} addresses released a minute ago, none of them banned. */
	private static WatchRepository watched() {
		WatchRepository watches = new WatchRepository(new TestDatabase().jdbc());
		Instant now = Instant.now();
		List<String> addresses = addresses(10, WATCHED);
		for (int i = 0; i < addresses.size(); i++) {
			watches.add(HostName.LOCAL, addresses.get(i), 1, i, List.of(), now.minusSeconds(60), now.plus(Duration.ofHours(1)));
		}
		return watches;
	}

	private static List<String> addresses(int first, int count) {
		List<String> addresses = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			addresses.add(first + ".0." + (i / 250) + "." + (i % 250 + 1));
		}
		return addresses;
	}

}
