package org.unbanpanel.jails;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.unbanpanel.testsupport.ClientWatch;
import org.unbanpanel.testsupport.PanelBrowser;
import org.unbanpanel.testsupport.PanelOnRealTools;
import org.unbanpanel.testsupport.RealTools;
import org.unbanpanel.testsupport.TestPanel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 item 9's figures, printed, not asserted, with the default settings (4 runs at once, answers fresh for 1 s,
 * the last known state after 500 ms of silence, 10 s timeout): 150 views of one jail page at once, against one
 * {@code fail2ban-client get <jail> banip --with-time} alone, with the fail2ban-client processes they started; then,
 * with the server frozen ({@code kill -STOP}) for 20 s, how long each page takes, one after the other, every 2 s.
 * Run with {@code ./mvnw -Pbenchmark test -Dtest=FrozenFail2banBenchmark}.
 */
@Tag("benchmark")
@PanelOnRealTools(users = { "bench", "OPERATOR" }, pam = false,
		properties = { "panel.fail2ban.reads.fresh-for=1s", "panel.fail2ban.reads.answer-within=500ms" })
class FrozenFail2banBenchmark {

	static final int VIEWS_AT_ONCE = 150;

	static final int ROUNDS = 5;

	static final List<String> PAGES = List.of("/jails", "/jails/sshd", "/jails/ssh-ddos", "/jails/apache",
			"/jails/dovecot", "/jails/mxcp", "/jails/sasl", "/lookup?ip=203.0.113.30", "/system/unblock");

	static final int FROZEN_ROUNDS = 10;

	private final RealTools tools;

	FrozenFail2banBenchmark(RealTools tools) {
		this.tools = tools;
	}

	@Test
	void pagesUnderLoadAndWithFail2banFrozen() throws Exception {
		tools.fail2ban().ban("ssh-ddos", "203.0.113.20", "203.0.113.21");
		tools.fail2ban().ban("dovecot", "203.0.113.30");
		PanelBrowser browser = tools.browser();
		browser.signIn("bench", TestPanel.PASSWORD);
		List<Long> baseline = new ArrayList<>();
		List<Long> slowest = new ArrayList<>();
		List<Long> medians = new ArrayList<>();
		List<Integer> started = new ArrayList<>();
		for (int round = 0; round < ROUNDS; round++) {
			long start = System.nanoTime();
			tools.fail2ban().client(List.of("get", "ssh-ddos", "banip", "--with-time"));
			baseline.add((System.nanoTime() - start) / 1_000_000);
			Thread.sleep(1_500);
			List<Long> times;
			try (ClientWatch clients = tools.fail2ban().watchClients()) {
				times = JailPagesUnderLoadIntegrationTests.atOnce(VIEWS_AT_ONCE,
						view -> () -> JailPagesUnderLoadIntegrationTests.Timed.of(() -> browser.get("/jails/ssh-ddos")))
					.stream()
					.peek(page -> assertThat(page.response().body()).contains(">203.0.113.20</label>"))
					.map(JailPagesUnderLoadIntegrationTests.Timed::millis)
					.toList();
				clients.close();
				started.add(clients.started());
			}
			slowest.add(Collections.max(times));
			medians.add(median(times));
			Thread.sleep(1_500);
		}
		System.out.printf("%nFROZEN FAIL2BAN BENCHMARK%n  %d views of /jails/ssh-ddos at once, %d rounds: median page "
				+ "(ms) %s, slowest page (ms) %s, fail2ban-client processes started %s; "
				+ "one fail2ban-client get ssh-ddos banip --with-time alone (ms) %s%n", VIEWS_AT_ONCE, ROUNDS, medians,
				slowest, started, baseline);

		PAGES.forEach(browser::get);
		Thread.sleep(1_500);
		tools.fail2ban().pause();
		List<Long> frozen = new ArrayList<>();
		int most;
		try (ClientWatch clients = tools.fail2ban().watchClients()) {
			for (int round = 0; round < FROZEN_ROUNDS; round++) {
				for (String page : PAGES) {
					long start = System.nanoTime();
					assertThat(browser.get(page).body()).contains("fail2ban has not answered for");
					frozen.add((System.nanoTime() - start) / 1_000_000);
				}
				Thread.sleep(2_000);
			}
			clients.close();
			most = clients.mostAtOnce();
		}
		finally {
			tools.fail2ban().resume();
		}
		System.out.printf("  fail2ban frozen, %d pages every 2 s for %d rounds: first page %d ms, median %d ms, "
				+ "slowest %d ms, at most %d fail2ban-client processes at once; all (ms) %s%n", PAGES.size(), FROZEN_ROUNDS,
				frozen.get(0), median(frozen), Collections.max(frozen), most, frozen);
	}

	private static long median(List<Long> values) {
		List<Long> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

}
