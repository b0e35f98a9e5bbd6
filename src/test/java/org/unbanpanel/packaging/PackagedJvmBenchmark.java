package org.unbanpanel.packaging;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.util.FileSystemUtils;
import org.unbanpanel.testsupport.Fail2banServer;
import org.unbanpanel.testsupport.PanelBrowser;
import org.unbanpanel.testsupport.SystemdUnit;
import org.unbanpanel.testsupport.TestPanel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10's footprint figures, printed, not asserted: the built jar started as its own JVM, once with the JVM options
 * and environment of the shipped unit ({@code src/deb/unban-panel.service}) and once with the JVM's defaults, in
 * alternating order, each round: the time from starting the process to the first answered request, the resident
 * memory (VmRSS) then and after {@value #VIEWS} views of a jail holding {@value #BANS} bans, and the median time of
 * those views, whose ratio compares the two in the same run. When the unit names a class-data-sharing archive, the
 * unit's first start writes it as the launcher does (its figures printed apart) and the rounds use it.
 * {@code -Dbenchmark.candidate="…"} measures JVM options added to the unit's in the same rounds. Targets: at most
 * 160 MB after the views, at most 2.5 s to the first answer, no page more than 10% slower than with the defaults. Run
 * after building the jar:
 * {@code ./mvnw -B package -DskipTests && ./mvnw -Pbenchmark test -Dtest=PackagedJvmBenchmark}.
 */
@Tag("benchmark")
class PackagedJvmBenchmark {

	/** The jar as the package installs it, extracted, with lib/ beside it. */
	static final Path JAR = Path.of("target/deb/app/unban-panel.jar");

	static final String JAIL = "sshd";

	/** The unit's variable that tells the launcher where the class-data-sharing archive goes. */
	static final String CLASS_ARCHIVE = "UNBAN_PANEL_CLASS_ARCHIVE";

	static final int BANS = 20_000;

	static final int VIEWS = 100;

	static final int ROUNDS = Integer.getInteger("benchmark.rounds", 3);

	/** JVM options to try against the unit's, added to them, measured in the same rounds when given. */
	static final String CANDIDATE = System.getProperty("benchmark.candidate", "").strip();

	/** jcmd commands, separated by commas, whose output is printed after the views of each start, when given. */
	static final String INSPECT = System.getProperty("benchmark.inspect", "").strip();

	private static Fail2banServer fail2ban;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	@BeforeAll
	static void startFail2banWithManyBans() {
		Assumptions.assumeTrue(Files.isRegularFile(JAR), JAR + " is missing: run ./mvnw -B package -DskipTests first");
		fail2ban = Fail2banServer.startWithSilentActions();
		List<String> addresses = new ArrayList<>();
		for (int i = 0; i < BANS; i++) {
			addresses.add("10." + (i >> 16) + "." + ((i >> 8) & 0xff) + "." + (i & 0xff));
			if (addresses.size() == 5_000) {
				fail2ban.ban(JAIL, addresses.toArray(String[]::new));
				addresses.clear();
			}
		}
	}

	@AfterAll
	static void stopFail2ban() {
		if (fail2ban != null) {
			fail2ban.close();
		}
	}

	@Test
	void unitJvmOptionsAgainstTheDefaults() throws Exception {
		SystemdUnit unit = SystemdUnit.read(SystemdUnit.SHIPPED);
		Map<String, String> unitEnvironment = new LinkedHashMap<>(unit.environment());
		unitEnvironment.remove("JAVA_OPTS");
		Path classArchive = unitEnvironment.remove(CLASS_ARCHIVE) == null ? null
				: Path.of("target", "jvm-benchmark-classes.jsa").toAbsolutePath();
		if (classArchive != null) {
			Files.deleteIfExists(classArchive);
		}
		Jvm packaged = new Jvm("unit", unit.jvmOptions(), unitEnvironment, classArchive);
		Jvm defaults = new Jvm("default", List.of(), Map.of(), null);
		List<String> candidateOptions = new ArrayList<>(unit.jvmOptions());
		candidateOptions.addAll(List.of(CANDIDATE.split("\\s+")));
		Jvm candidate = new Jvm("candidate", candidateOptions, unitEnvironment, classArchive);
		Run firstStart = classArchive == null ? null : measure(packaged);
		List<Run> packagedRuns = new ArrayList<>();
		List<Run> defaultRuns = new ArrayList<>();
		List<Run> candidateRuns = new ArrayList<>();
		for (int round = 0; round < ROUNDS; round++) {
			boolean packagedFirst = round % 2 == 0;
			Run first = measure(packagedFirst ? packaged : defaults);
			Run second = measure(packagedFirst ? defaults : packaged);
			packagedRuns.add(packagedFirst ? first : second);
			defaultRuns.add(packagedFirst ? second : first);
			if (!CANDIDATE.isEmpty()) {
				candidateRuns.add(measure(candidate));
			}
		}
		List<Double> ratios = new ArrayList<>();
		for (int i = 0; i < ROUNDS; i++) {
			ratios.add((double) packagedRuns.get(i).viewMillis() / defaultRuns.get(i).viewMillis());
		}
		System.out.printf("%nPACKAGED JVM BENCHMARK %d bans in %s, %d views per start, %d rounds; unit's JVM options: %s %s%n"
				+ "%s%n%s%n  page latency, unit's options over defaults: median of the rounds' ratios %.2fx %s%n",
				BANS, JAIL, VIEWS, ROUNDS, String.join(" ", unit.jvmOptions()), unitEnvironment,
				summary(packaged, packagedRuns), summary(defaults, defaultRuns), median(ratios), ratios);
		if (firstStart != null) {
			System.out.printf("  the unit's first start, which wrote the class archive as it stopped: first answer %d ms,"
					+ " RSS after start %d MB, after %d views %d MB, median view %d ms%n", firstStart.firstAnswerMillis(),
					firstStart.rssAfterStart(), VIEWS, firstStart.rssAfterViews(), firstStart.viewMillis());
		}
		if (!CANDIDATE.isEmpty()) {
			System.out.printf("%s%n  candidate: the unit's options and %s%n", summary(candidate, candidateRuns), CANDIDATE);
		}
	}

	private Run measure(Jvm jvm) throws Exception {
		Path dataDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "jvm-benchmark-");
		int port = freePort();
		List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		line.addAll(jvm.options());
		line.addAll(jvm.classArchiveOptions());
		line.addAll(List.of("-jar", JAR.toString(), "--server.port=" + port, "--management.server.port=0",
				"--panel.data-dir=" + dataDir, "--panel.accounts.backend=none", "--panel.users[0].username=bench",
				"--panel.users[0].password={bcrypt}" + new BCryptPasswordEncoder(4).encode(TestPanel.PASSWORD),
				"--panel.users[0].role=ADMIN"));
		List<String> command = fail2ban.command();
		for (int i = 0; i < command.size(); i++) {
			line.add("--panel.fail2ban.command[" + i + "]=" + command.get(i));
		}
		ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true)
			.redirectOutput(dataDir.resolve("panel.out").toFile())
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
		builder.environment().putAll(jvm.environment());
		long start = System.nanoTime();
		Process panel = builder.start();
		try {
			awaitFirstAnswer(panel, port);
			long firstAnswer = (System.nanoTime() - start) / 1_000_000;
			long rssAfterStart = rssMegabytes(panel);
			PanelBrowser browser = new PanelBrowser(port);
			browser.signIn("bench", TestPanel.PASSWORD);
			List<Long> views = new ArrayList<>();
			for (int view = 0; view < VIEWS; view++) {
				long viewStart = System.nanoTime();
				String page = browser.get("/jails/" + JAIL).body();
				views.add((System.nanoTime() - viewStart) / 1_000_000);
				assertThat(page).contains("20,000 banned addresses");
			}
			long rssAfterViews = rssMegabytes(panel);
			inspect(jvm, panel);
			return new Run(firstAnswer, rssAfterStart, rssAfterViews, median(views));
		}
		finally {
			panel.destroy();
			// a first start writes the class archive as it stops
			panel.waitFor(60, TimeUnit.SECONDS);
			FileSystemUtils.deleteRecursively(dataDir);
		}
	}

	/** Output goes to a file, so that the wait, not a blocking read, bounds how long jcmd may take. */
	private static void inspect(Jvm jvm, Process panel) throws Exception {
		for (String command : INSPECT.isEmpty() ? new String[0] : INSPECT.split(",")) {
			File output = File.createTempFile("jcmd-", ".txt", Path.of("target").toFile());
			Process jcmd = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
					Long.toString(panel.pid()), command.strip())).redirectErrorStream(true).redirectOutput(output).start();
			if (!jcmd.waitFor(30, TimeUnit.SECONDS)) {
				jcmd.destroyForcibly();
			}
			System.out.printf("%n--- %s: jcmd %s%n%s", jvm.name(), command.strip(), Files.readString(output.toPath()));
			Files.delete(output.toPath());
		}
	}

	private void awaitFirstAnswer(Process panel, int port) throws InterruptedException {
		HttpRequest login = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build();
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline && panel.isAlive()) {
			try {
				if (http.send(login, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(5);
		}
		throw new IllegalStateException("the panel did not answer");
	}

	private static long rssMegabytes(Process process) {
		try {
			return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))
				.stream()
				.filter(line -> line.startsWith("VmRSS:"))
				.map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024)
				.findFirst()
				.orElseThrow();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String summary(Jvm jvm, List<Run> runs) {
		return String.format("  %-7s first answer %d ms %s, RSS after start %d MB %s, after %d views %d MB %s,"
				+ " median view %d ms %s", jvm.name(), median(runs.stream().map(Run::firstAnswerMillis).toList()),
				runs.stream().map(Run::firstAnswerMillis).toList(),
				median(runs.stream().map(Run::rssAfterStart).toList()), runs.stream().map(Run::rssAfterStart).toList(),
				VIEWS, median(runs.stream().map(Run::rssAfterViews).toList()),
				runs.stream().map(Run::rssAfterViews).toList(), median(runs.stream().map(Run::viewMillis).toList()),
				runs.stream().map(Run::viewMillis).toList());
	}

	private static <T extends Comparable<T>> T median(List<T> values) {
		List<T> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/**
	 * @param classArchive the class-data-sharing archive the launcher ({@code src/deb/unban-panel}) gives the JVM
	 * when the unit names one, {@code null} without
	 */
	private record Jvm(String name, List<String> options, Map<String, String> environment, Path classArchive) {

		/** As the launcher does: the archive when it exists, else writing it at exit. */
		List<String> classArchiveOptions() {
			if (classArchive == null) {
				return List.of();
			}
			return Files.isRegularFile(classArchive) ? List.of("-XX:SharedArchiveFile=" + classArchive)
					: List.of("-XX:ArchiveClassesAtExit=" + classArchive, "-Xlog:cds=off");
		}

	}

	private record Run(long firstAnswerMillis, long rssAfterStart, long rssAfterViews, long viewMillis) {
	}

}
