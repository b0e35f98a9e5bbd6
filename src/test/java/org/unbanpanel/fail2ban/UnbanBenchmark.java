package org.unbanpanel.fail2ban;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.exec.CommandResult;
import org.unbanpanel.exec.CommandRunner;
import org.unbanpanel.exec.CommandRunners;
import org.unbanpanel.testsupport.Fail2banServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a timed test: prints how long releasing 1,000 addresses banned across the six jails takes (a) as the panel's
 * jobs do it through the adapter (a {@code banned} read, the {@code unban} split into calls of
 * {@link Fail2banProperties#unbanBatch()}, a {@code banned} read again), (b) with one hand-typed {@code fail2ban-client unban <all 1000>}, (c) with the reference page's loop
 * {@code fail2ban-client set <JAIL> unbanip <IP>} for every jail and address, timed on a sample and extrapolated to
 * the 6,000 calls. Run it with {@code ./mvnw -Pbenchmark test}. It checks only that each way really unbanned.
 */
@Tag("benchmark")
class UnbanBenchmark {

	private static final int ADDRESSES = 1000;

	private static final int ROUNDS = 5;

	/** Addresses of the loop sample; each is tried in all six jails, and held by one, as in the full loop. */
	private static final int SAMPLE_ADDRESSES = 10;

	private final CommandRunner runner = CommandRunners.real(Duration.ofMinutes(5));

	private final List<String> addresses = IntStream.range(0, ADDRESSES)
		.mapToObj(i -> "10.200." + (i / 250) + "." + (i % 250 + 1))
		.toList();

	@Test
	void withFail2bansDummyActionStartingAShellPerAddress() {
		try (Fail2banServer dummy = Fail2banServer.start()) {
			compare(dummy, "fail2ban's dummy action (one shell per ban and unban)");
		}
	}

	@Test
	void withAnActionThatRunsNoCommand() {
		try (Fail2banServer silent = Fail2banServer.startWithSilentActions()) {
			compare(silent, "an action that runs no command (fail2ban's own work only)");
		}
	}

	private void compare(Fail2banServer server, String action) {
		CommandFail2ban fail2ban = new CommandFail2ban(runner, new Fail2banProperties(server.command()));
		List<BanTarget> targets = addresses.stream().map(BanTarget::parse).toList();
		List<Double> adapter = new ArrayList<>();
		List<Double> single = new ArrayList<>();
		List<Double> loop = new ArrayList<>();
		List<Double> ping = new ArrayList<>();
		for (int round = 0; round < ROUNDS; round++) {
			ping.add(seconds(() -> client(server, List.of("ping"))));
			banAcrossTheJails(server);
			adapter.add(seconds(() -> release(fail2ban, targets)));
			assertNothingBanned(server);

			banAcrossTheJails(server);
			List<String> unbanAll = new ArrayList<>(List.of("unban"));
			unbanAll.addAll(addresses);
			single.add(seconds(() -> client(server, unbanAll)));
			assertNothingBanned(server);

			banAcrossTheJails(server);
			loop.add(seconds(() -> loopSample(server)) / (SAMPLE_ADDRESSES * Fail2banServer.JAILS.size())
					* ADDRESSES * Fail2banServer.JAILS.size());
			server.unbanAll();
		}
		report(action, adapter, single, loop, median(ping));
	}

	/** What the jobs' release asks of the adapter, and that nothing holds the targets afterwards. */
	private static void release(Fail2ban fail2ban, List<BanTarget> targets) {
		List<String> entries = Fail2banAdapters.entriesToRelease(fail2ban, targets);
		assertThat(entries).hasSize(ADDRESSES);
		assertThat(fail2ban.unban(entries).refusal()).isEmpty();
		assertThat(fail2ban.whereBanned(targets).values()).allSatisfy(held -> assertThat(held).isEmpty());
	}

	private void loopSample(Fail2banServer server) {
		for (String address : addresses.subList(0, SAMPLE_ADDRESSES)) {
			for (String jail : Fail2banServer.JAILS) {
				client(server, List.of("set", jail, "unbanip", address));
			}
		}
	}

	/** Address i goes to jail i mod 6, with one {@code set <jail> banip} call per jail. */
	private void banAcrossTheJails(Fail2banServer server) {
		List<String> jails = Fail2banServer.JAILS;
		for (int j = 0; j < jails.size(); j++) {
			int jail = j;
			server.ban(jails.get(j), IntStream.range(0, ADDRESSES)
				.filter(i -> i % jails.size() == jail)
				.mapToObj(addresses::get)
				.toArray(String[]::new));
		}
	}

	private void client(Fail2banServer server, List<String> words) {
		List<String> command = new ArrayList<>(server.command());
		command.addAll(words);
		CommandResult result = runner.run(command);
		assertThat(result.exitCode()).as(result.stderr()).isZero();
	}

	private static void assertNothingBanned(Fail2banServer server) {
		assertThat(Fail2banServer.JAILS).allSatisfy(jail -> assertThat(server.bannedIn(jail)).isEmpty());
	}

	private static double seconds(Runnable work) {
		long started = System.nanoTime();
		work.run();
		return (System.nanoTime() - started) / 1e9;
	}

	private static void report(String action, List<Double> adapter, List<Double> single, List<Double> loop,
			double ping) {
		double a = median(adapter);
		double s = median(single);
		double l = median(loop);
		StringBuilder text = new StringBuilder();
		text.append(String.format(Locale.ROOT, "%nUnban benchmark: %d addresses banned across %d jails, %s, %d rounds, medians%n",
				ADDRESSES, Fail2banServer.JAILS.size(), action, ROUNDS));
		text.append(line(String.format(Locale.ROOT, "(a) the panel's release (banned, unban in calls of %d, banned)",
				Fail2banProperties.DEFAULT_UNBAN_BATCH), a, adapter));
		text.append(line("(b) one hand-typed fail2ban-client unban <1000 IPs>", s, single));
		text.append(line(String.format(Locale.ROOT, "(c) loop set <JAIL> unbanip <IP>, %d calls extrapolated from %d",
				ADDRESSES * Fail2banServer.JAILS.size(), SAMPLE_ADDRESSES * Fail2banServer.JAILS.size()), l, loop));
		text.append(String.format(Locale.ROOT, "adapter / single call = %.2fx (target <= 1.5x)%n", a / s));
		text.append(String.format(Locale.ROOT, "loop / adapter        = %.0fx (target >= 100x)%n", l / a));
		// fail2ban's own work for the 1,000 unbans: the single call less one client start (a ping); no client can do
		// the unbans faster, so the loop can be at most this many times slower than any batch
		double serverWork = s - ping;
		text.append(String.format(Locale.ROOT,
				"fail2ban's own unban work %.3f s (single call less one ping, %.3f s): loop / it = %.0fx at most%n",
				serverWork, ping, l / serverWork));
		System.out.println(text);
	}

	private static String line(String label, double median, List<Double> rounds) {
		return String.format(Locale.ROOT, "%-78s %8.3f s   rounds: %s%n", label, median,
				rounds.stream().map(value -> String.format(Locale.ROOT, "%.3f", value)).toList());
	}

	private static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

}
