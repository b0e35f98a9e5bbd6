package org.unbanpanel.fail2ban;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.unbanpanel.exec.CommandResult;
import org.unbanpanel.exec.CommandRunner;
import org.unbanpanel.exec.CommandRunners;
import org.unbanpanel.testsupport.Fail2banServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a timed test: how the release of many bans in calls of a given size behaves on the real server, to choose
 * {@link Fail2banProperties#unbanBatch()}. For each size it prints the whole release's time and its slowest call:
 * 20,000 bans (10,000 in each of two jails) on a server whose action runs no command (fail2ban's own work only, and
 * a quick set-up), and 2,000 bans with fail2ban's dummy action, which starts a shell per unban as a real firewall
 * action starts iptables or nft. Also {@code set <jail> unbanip} against {@code unban}, which does each entry's work
 * in every jail. Run it with {@code ./mvnw -Pbenchmark test -Dtest=UnbanSplitBenchmark}.
 */
@Tag("benchmark")
class UnbanSplitBenchmark {

	private final CommandRunner runner = CommandRunners.real(Duration.ofMinutes(10));

	@Test
	void twentyThousandBansWithAnActionThatRunsNoCommand() {
		try (Fail2banServer server = Fail2banServer.startWithSilentActions()) {
			measure(server, "20,000 bans, an action that runs no command", 20_000,
					List.of(250, 500, 1000, 2000, 5000, 20_000));
		}
	}

	@Test
	void twoThousandBansWithTheDummyActionStartingAShellPerUnban() {
		try (Fail2banServer server = Fail2banServer.start()) {
			measure(server, "2,000 bans, fail2ban's dummy action", 2_000, List.of(250, 500, 1000, 2000));
		}
	}

	private void measure(Fail2banServer server, String what, int bans, List<Integer> sizes) {
		List<String> sshd = IntStream.range(0, bans / 2).mapToObj(i -> "10.1." + (i / 250) + "." + (i % 250 + 1)).toList();
		List<String> dovecot = IntStream.range(0, bans / 2)
			.mapToObj(i -> "2001:db8::" + Integer.toHexString(i + 1))
			.toList();
		List<String> all = new ArrayList<>(sshd);
		all.addAll(dovecot);
		StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "%nUnban split benchmark: %s%n", what));
		for (int size : sizes) {
			ban(server, "sshd", sshd);
			ban(server, "dovecot", dovecot);
			report.append(line("unban, calls of " + size, release(server, List.of("unban"), all, size), bans));
			ban(server, "sshd", sshd);
			ban(server, "dovecot", dovecot);
			double[] sshdCalls = release(server, List.of("set", "sshd", "unbanip"), sshd, size);
			double[] dovecotCalls = release(server, List.of("set", "dovecot", "unbanip"), dovecot, size);
			report.append(line("set <jail> unbanip, calls of " + size + " per jail",
					new double[] { sshdCalls[0] + dovecotCalls[0], Math.max(sshdCalls[1], dovecotCalls[1]),
							sshdCalls[2] + dovecotCalls[2] }, bans));
			assertThat(Fail2banServer.JAILS).allSatisfy(jail -> assertThat(server.bannedIn(jail)).isEmpty());
		}
		System.out.println(report);
	}

	/** @return the whole release's seconds, its slowest call's, and the number of calls */
	private double[] release(Fail2banServer server, List<String> command, List<String> entries, int size) {
		double total = 0;
		double slowest = 0;
		int calls = 0;
		for (int from = 0; from < entries.size(); from += size) {
			List<String> words = new ArrayList<>(command);
			words.addAll(entries.subList(from, Math.min(entries.size(), from + size)));
			long started = System.nanoTime();
			client(server, words);
			double seconds = (System.nanoTime() - started) / 1e9;
			total += seconds;
			slowest = Math.max(slowest, seconds);
			calls++;
		}
		return new double[] { total, slowest, calls };
	}

	private void ban(Fail2banServer server, String jail, List<String> entries) {
		for (int from = 0; from < entries.size(); from += 2000) {
			server.ban(jail, entries.subList(from, Math.min(entries.size(), from + 2000)).toArray(String[]::new));
		}
	}

	private void client(Fail2banServer server, List<String> words) {
		List<String> command = new ArrayList<>(server.command());
		command.addAll(words);
		CommandResult result = runner.run(command);
		assertThat(result.exitCode()).as(result.stderr()).isZero();
	}

	private static String line(String label, double[] figures, int bans) {
		return String.format(Locale.ROOT, "%-46s %8.2f s in all, slowest call %6.2f s, %5.0f calls, %6.2f ms per ban%n",
				label, figures[0], figures[1], figures[2], figures[0] * 1000 / bans);
	}

}
