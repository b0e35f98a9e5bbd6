package org.unbanpanel.hosts;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unbanpanel.jobs.JobService;
import org.unbanpanel.jobs.JobState;
import org.unbanpanel.testsupport.Fail2banServer;
import org.unbanpanel.testsupport.PanelApi;
import org.unbanpanel.testsupport.PanelOnRealTools;
import org.unbanpanel.testsupport.RealTools;
import org.unbanpanel.testsupport.SshHosts;
import org.unbanpanel.testsupport.SshTestHost;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14's figures, printed, not asserted: one address banned on each of {@link #HOSTS} real sshd test hosts (each
 * with its own fail2ban-server), released everywhere (1) by the panel, from the API's POST to the job's end; (2) by
 * the loop an admin types today, {@code ssh <host> sudo fail2ban-client unban <ip>} host after host with OpenSSH's
 * client; (3) by each host's own {@code fail2ban-client unban <ip>}, one host after another (the slowest is the
 * reference) and on every host at the same moment, as the panel's release meets them. Every host of this benchmark
 * shares this machine's cores, which a real fleet does not: (3)'s second figure is what the same simultaneous work
 * costs here; for the same reason the watch after a release is off ({@code panel.watch.for=0s}): its look at every
 * host every 2 s would run 20 fail2ban-clients on these two cores between the rounds, where a real fleet runs one on
 * each host. Also printed, for the README's sizing: the panel's threads and heap with every session open.
 * Run with {@code ./mvnw -Pbenchmark test -Dtest=FleetReleaseBenchmark}.
 */
@Tag("benchmark")
@WithTestFleet(FleetReleaseBenchmark.HOSTS)
@PanelOnRealTools(users = { "bench", "ADMIN" }, pam = false,
		properties = { "panel.local-host=false", "panel.watch.for=0s" })
class FleetReleaseBenchmark {

	static final int HOSTS = 20;

	static final int ROUNDS = 7;

	private final RealTools tools;

	private final List<SshTestHost> testHosts;

	@Autowired
	private Hosts hosts;

	@Autowired
	private JobService jobs;

	FleetReleaseBenchmark(RealTools tools, SshHosts testHosts) {
		this.tools = tools;
		this.testHosts = testHosts.all();
	}

	@Test
	void releasesOneAddressOnTwentyHosts() throws Exception {
		long threadsBefore = threads();
		PanelApi api = tools.api("bench");
		Path knownHosts = knownHosts();
		release(api, "198.51.100.250");
		System.out.printf("%nFLEET BENCHMARK sessions open: %d threads (%d before the first release), heap used %d MB%n",
				threads(), threadsBefore, heapUsedMegabytes());
		List<Long> panel = new ArrayList<>();
		List<Long> loop = new ArrayList<>();
		List<Long> slowestAlone = new ArrayList<>();
		List<Long> slowestTogether = new ArrayList<>();
		for (int round = 0; round < ROUNDS; round++) {
			String address = "198.51.100." + (round + 1);
			banEverywhere(address);
			panel.add(release(api, address));
			banEverywhere(address);
			loop.add(sshLoop(address, knownHosts));
			banEverywhere(address);
			slowestAlone.add(ownCallsOneAfterAnother(address));
			banEverywhere(address);
			slowestTogether.add(ownCallsAtOnce(address));
		}
		long panelMedian = median(panel);
		System.out.printf("FLEET BENCHMARK %d hosts, %d rounds, medians in ms: panel %d %s; ssh loop %d %s; slowest "
				+ "host's own unban, hosts one after another, %d %s; slowest host's own unban, every host at once, "
				+ "%d %s%n", HOSTS, ROUNDS, panelMedian, panel, median(loop), loop, median(slowestAlone), slowestAlone,
				median(slowestTogether), slowestTogether);
		System.out.printf("FLEET BENCHMARK loop / panel %.1fx; panel / slowest own call alone %.2fx; panel / slowest "
				+ "own call at once %.2fx; threads %d, heap used %d MB%n", ratio(median(loop), panelMedian),
				ratio(panelMedian, median(slowestAlone)), ratio(panelMedian, median(slowestTogether)), threads(),
				heapUsedMegabytes());
	}

	private void banEverywhere(String address) {
		for (int i = 0; i < testHosts.size(); i++) {
			testHosts.get(i).fail2ban().ban(jailOf(i), address);
		}
	}

	/** Each host holds the address in another of the reference page's jails. */
	private static String jailOf(int host) {
		return Fail2banServer.JAILS.get(host % Fail2banServer.JAILS.size());
	}

	private long release(PanelApi api, String address) throws InterruptedException {
		long start = System.nanoTime();
		HttpResponse<String> answer = api.post("/api/v1/unblock", "{\"ips\": [\"" + address + "\"]}");
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
		String location = answer.headers().firstValue("Location").orElseThrow();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		long deadline = start + Duration.ofMinutes(2).toNanos();
		while (!jobs.find(id).orElseThrow().finished()) {
			assertThat(System.nanoTime()).as("job %d still running", id).isLessThan(deadline);
			Thread.sleep(2);
		}
		long millis = (System.nanoTime() - start) / 1_000_000;
		assertThat(jobs.find(id).orElseThrow().state()).isEqualTo(JobState.DONE);
		assertReleasedEverywhere(address);
		return millis;
	}

	private long sshLoop(String address, Path knownHosts) throws IOException, InterruptedException {
		long start = System.nanoTime();
		for (SshTestHost host : testHosts) {
			List<String> remote = new ArrayList<>(host.fail2banCommand());
			// "--" as the panel sends it: the only form the host's sudoers rules for the panel's account allow
			remote.addAll(List.of("--", "unban", address));
			run(List.of("ssh", "-i", hosts.panelKey().file().toString(), "-p", Integer.toString(host.port()), "-o",
					"BatchMode=yes", "-o", "StrictHostKeyChecking=yes", "-o", "UserKnownHostsFile=" + knownHosts, "-l",
					host.user(), host.address(), RemoteCommandLine.of(remote)));
		}
		long millis = (System.nanoTime() - start) / 1_000_000;
		assertReleasedEverywhere(address);
		return millis;
	}

	private long ownCallsOneAfterAnother(String address) {
		long slowest = 0;
		for (SshTestHost host : testHosts) {
			slowest = Math.max(slowest, ownCall(host, address));
		}
		assertReleasedEverywhere(address);
		return slowest;
	}

	private long ownCallsAtOnce(String address) throws Exception {
		ExecutorService everyHost = Executors.newFixedThreadPool(testHosts.size());
		try {
			List<Future<Long>> calls = new ArrayList<>();
			for (SshTestHost host : testHosts) {
				calls.add(everyHost.submit(() -> ownCall(host, address)));
			}
			long slowest = 0;
			for (Future<Long> call : calls) {
				slowest = Math.max(slowest, call.get());
			}
			assertReleasedEverywhere(address);
			return slowest;
		}
		finally {
			everyHost.shutdownNow();
		}
	}

	private static long ownCall(SshTestHost host, String address) {
		long start = System.nanoTime();
		host.fail2ban().client(List.of("unban", address));
		return (System.nanoTime() - start) / 1_000_000;
	}

	private void assertReleasedEverywhere(String address) {
		for (int i = 0; i < testHosts.size(); i++) {
			assertThat(testHosts.get(i).fail2ban().bannedIn(jailOf(i))).as("host %d", i).doesNotContain(address);
		}
	}

	private Path knownHosts() throws IOException {
		Path file = Files.createTempFile(Path.of("target"), "known_hosts", "");
		Files.write(file, testHosts.stream().map(SshTestHost::knownHostsLine).toList());
		file.toFile().deleteOnExit();
		return file;
	}

	private static void run(List<String> command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as("%s: %s", command, output).isZero();
	}

	private static long threads() {
		return ManagementFactory.getThreadMXBean().getThreadCount();
	}

	private static long heapUsedMegabytes() {
		System.gc();
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
	}

	private static long median(List<Long> values) {
		List<Long> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

	private static double ratio(long numerator, long denominator) {
		return (double) numerator / Math.max(1, denominator);
	}

}
