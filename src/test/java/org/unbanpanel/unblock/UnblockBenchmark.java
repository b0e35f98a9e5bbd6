package org.unbanpanel.unblock;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.unbanpanel.jobs.JobService;
import org.unbanpanel.jobs.JobState;
import org.unbanpanel.testsupport.CommandRunnerDecorator;
import org.unbanpanel.testsupport.Fail2banServer;
import org.unbanpanel.testsupport.PanelBrowser;
import org.unbanpanel.testsupport.PanelOnRealTools;
import org.unbanpanel.testsupport.RealTools;
import org.unbanpanel.testsupport.TestPanel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 3's figures, printed, not asserted: (1) from the form's POST to the job's end for 10 addresses and 2 accounts,
 * median of several rounds; (2) 50 clients posting 1,000 jobs together: every job ends, and how many fail2ban-client
 * runs they cost. Run with {@code ./mvnw -Pbenchmark test -Dtest=UnblockBenchmark}.
 */
@Tag("benchmark")
@PanelOnRealTools(users = { "bench", "ADMIN" })
class UnblockBenchmark {

	static final int ROUNDS = 15;

	static final int CLIENTS = 50;

	static final int JOBS = 1_000;

	private static final AtomicInteger fail2banRuns = new AtomicInteger();

	private final RealTools tools;

	@Autowired
	private JobService service;

	UnblockBenchmark(RealTools tools) {
		this.tools = tools;
	}

	@Test
	void postToDoneForTenAddressesAndTwoAccounts() throws Exception {
		PanelBrowser browser = tools.browser();
		browser.signIn("bench", TestPanel.PASSWORD);
		List<Long> millis = new ArrayList<>();
		for (int round = 0; round < ROUNDS; round++) {
			List<String> addresses = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				String address = "198.18." + round + "." + (i + 1);
				tools.fail2ban().ban(Fail2banServer.JAILS.get(i % Fail2banServer.JAILS.size()), address);
				addresses.add(address);
			}
			browser.get("/system/unblock");
			long start = System.nanoTime();
			HttpResponse<String> posted = browser.post("/system/unblock",
					Map.of("ips", String.join(", ", addresses), "accounts", "root, nobody"));
			String jobPage = PanelBrowser.redirectPath(posted);
			awaitDone(Long.parseLong(jobPage.substring(jobPage.lastIndexOf('/') + 1)));
			millis.add((System.nanoTime() - start) / 1_000_000);
		}
		Collections.sort(millis);
		System.out.printf("%nUNBLOCK BENCHMARK post-to-done, 10 IPs + 2 accounts, %d rounds: median %d ms "
				+ "(min %d, max %d) all %s%n", ROUNDS, millis.get(ROUNDS / 2), millis.get(0), millis.get(ROUNDS - 1), millis);
	}

	@Test
	void fiftyClientsPostingAThousandJobs() throws Exception {
		List<String> addresses = new ArrayList<>();
		for (int i = 0; i < JOBS; i++) {
			addresses.add("198.19." + (i / 250) + "." + (i % 250 + 1));
		}
		for (int i = 0; i < JOBS; i += 100) {
			tools.fail2ban().ban(Fail2banServer.JAILS.get(i / 100 % Fail2banServer.JAILS.size()),
					addresses.subList(i, i + 100).toArray(String[]::new));
		}
		// signed in one after another, before the clock starts: the sign-in throttle lets only a few sign-ins of one
		// name be under way at once, and signing in is not what this measures
		List<PanelBrowser> browsers = new ArrayList<>();
		for (int client = 0; client < CLIENTS; client++) {
			PanelBrowser browser = tools.browser();
			browser.signIn("bench", TestPanel.PASSWORD);
			browser.get("/system/unblock");
			browsers.add(browser);
		}
		fail2banRuns.set(0);
		long start = System.nanoTime();
		List<Long> jobIds = Collections.synchronizedList(new ArrayList<>());
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		List<Future<?>> done = new ArrayList<>();
		for (int client = 0; client < CLIENTS; client++) {
			List<String> mine = addresses.subList(client * (JOBS / CLIENTS), (client + 1) * (JOBS / CLIENTS));
			PanelBrowser browser = browsers.get(client);
			done.add(clients.submit(() -> postEach(browser, mine, jobIds)));
		}
		for (Future<?> future : done) {
			future.get();
		}
		clients.shutdown();
		long posted = System.nanoTime();
		for (long id : jobIds) {
			awaitDone(id);
		}
		long finished = System.nanoTime();
		long doneJobs = jobIds.stream().filter(id -> service.find(id).orElseThrow().state() == JobState.DONE).count();
		System.out.printf("%nUNBLOCK BENCHMARK %d clients, %d jobs: %d accepted, %d done, all posted after %d ms, "
				+ "all done after %d ms, %d fail2ban-client runs%n", CLIENTS, JOBS, jobIds.size(), doneJobs,
				(posted - start) / 1_000_000, (finished - start) / 1_000_000, fail2banRuns.get());
		assertThat(jobIds).hasSize(JOBS);
		assertThat(doneJobs).isEqualTo(JOBS);
		for (String jail : Fail2banServer.JAILS) {
			assertThat(tools.fail2ban().bannedIn(jail)).noneMatch(address -> address.startsWith("198.19."));
		}
	}

	private void postEach(PanelBrowser browser, List<String> addresses, List<Long> jobIds) {
		for (String address : addresses) {
			HttpResponse<String> posted = browser.post("/system/unblock", Map.of("ips", address, "accounts", ""));
			String location = posted.headers().firstValue("Location").orElseThrow();
			jobIds.add(Long.parseLong(location.substring(location.lastIndexOf('/') + 1)));
		}
	}

	private void awaitDone(long id) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (!service.find(id).orElseThrow().finished()) {
			assertThat(System.nanoTime()).as("job %d still running", id).isLessThan(deadline);
			Thread.sleep(2);
		}
	}

	@TestConfiguration
	static class CountFail2banRuns {

		@Bean
		static BeanPostProcessor countingCommandRunner() {
			return CommandRunnerDecorator.wrapping(runner -> (command, extraTime) -> {
				if (command.get(0).endsWith("fail2ban-client")) {
					fail2banRuns.incrementAndGet();
				}
				return runner.run(command, extraTime);
			});
		}

	}

}
