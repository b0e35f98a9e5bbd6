package org.unbanpanel.jails;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.unbanpanel.testsupport.PanelBrowser;
import org.unbanpanel.testsupport.PanelOnRealTools;
import org.unbanpanel.testsupport.RealTools;
import org.unbanpanel.testsupport.TestPanel;
import org.unbanpanel.testsupport.WithRealTools;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4's figures, printed, not asserted: with 100,000 bans in one jail, the median time of
 * {@code fail2ban-client get <jail> banip --with-time} alone (the baseline), of the first page of {@code /jails/{name}}
 * and of {@code /jails} over HTTP, their ratios to the baseline (target at most 1.5), and the page's size (target under
 * 300 KB). The jail's action runs no command per ban, so that banning 100,000 addresses takes seconds. Run with
 * {@code ./mvnw -Pbenchmark test -Dtest=JailsBenchmark}.
 */
@Tag("benchmark")
@PanelOnRealTools(users = { "bench", "ADMIN" }, pam = false, fail2ban = WithRealTools.Fail2banSetUp.SILENT_ACTIONS)
class JailsBenchmark {

	static final String JAIL = "sshd";

	static final int BANS = 100_000;

	static final int PER_CALL = 5_000;

	static final int ROUNDS = 15;

	private final RealTools tools;

	JailsBenchmark(RealTools tools) {
		this.tools = tools;
	}

	@BeforeAll
	static void banManyAddresses(RealTools tools) {
		long start = System.nanoTime();
		List<String> addresses = new ArrayList<>();
		for (int i = 0; i < BANS; i++) {
			addresses.add("10." + (i >> 16) + "." + ((i >> 8) & 0xff) + "." + (i & 0xff));
			if (addresses.size() == PER_CALL) {
				tools.fail2ban().ban(JAIL, addresses.toArray(String[]::new));
				addresses.clear();
			}
		}
		System.out.printf("%nJAILS BENCHMARK banned %d addresses in %s in %d ms%n", BANS, JAIL,
				(System.nanoTime() - start) / 1_000_000);
	}

	@Test
	void jailPagesAgainstTheBanListAlone() {
		PanelBrowser browser = tools.browser();
		browser.signIn("bench", TestPanel.PASSWORD);
		List<Long> baseline = new ArrayList<>();
		List<Long> jailPage = new ArrayList<>();
		List<Long> jailsPage = new ArrayList<>();
		int pageBytes = 0;
		for (int round = 0; round < ROUNDS; round++) {
			baseline.add(timed(() -> tools.fail2ban().client(List.of("get", JAIL, "banip", "--with-time"))).millis());
			Timed<HttpResponse<String>> page = timed(() -> browser.get("/jails/" + JAIL));
			assertThat(page.value().body()).contains("100,000 banned addresses");
			pageBytes = page.value().body().getBytes(StandardCharsets.UTF_8).length;
			jailPage.add(page.millis());
			Timed<HttpResponse<String>> jails = timed(() -> browser.get("/jails"));
			assertThat(jails.value().body()).contains(">100000<");
			jailsPage.add(jails.millis());
		}
		long base = median(baseline);
		System.out.printf("%nJAILS BENCHMARK %d bans in one jail, %d rounds, median (all, ms):%n"
				+ "  fail2ban-client get %s banip --with-time: %d ms %s%n"
				+ "  /jails/%s first page: %d ms %s, %.2fx the baseline (median of the rounds' ratios %.2fx), "
				+ "%d bytes of HTML%n"
				+ "  /jails: %d ms %s, %.2fx the baseline (median of the rounds' ratios %.2fx)%n", BANS, ROUNDS, JAIL,
				base, baseline, JAIL, median(jailPage), jailPage, (double) median(jailPage) / base,
				medianRatio(jailPage, baseline), pageBytes, median(jailsPage), jailsPage,
				(double) median(jailsPage) / base, medianRatio(jailsPage, baseline));
	}

	private static <T> Timed<T> timed(Supplier<T> action) {
		long start = System.nanoTime();
		T value = action.get();
		return new Timed<>(value, (System.nanoTime() - start) / 1_000_000);
	}

	private static long median(List<Long> values) {
		List<Long> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

	/** Each round's time over the same round's baseline: steadier than the ratio of medians on a busy machine. */
	private static double medianRatio(List<Long> times, List<Long> baseline) {
		List<Double> ratios = new ArrayList<>();
		for (int i = 0; i < times.size(); i++) {
			ratios.add((double) times.get(i) / baseline.get(i));
		}
		Collections.sort(ratios);
		return ratios.get(ratios.size() / 2);
	}

	private record Timed<T>(T value, long millis) {
	}

}
