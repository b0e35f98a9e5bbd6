package org.unbanpanel.packaging;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import org.unbanpanel.demo.PrivateFail2ban;
import org.unbanpanel.demo.ProgramRun;
import org.unbanpanel.testsupport.Await;
import org.unbanpanel.testsupport.PanelBrowser;
import org.unbanpanel.testsupport.SystemTools;
import org.unbanpanel.testsupport.SystemdUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The installed Debian package, run as its unit runs it: {@code .ci/deb-check} installs the package, then runs this
 * class ({@code ./mvnw test -Pinstalled-package}), then purges the package. A private fail2ban-server listens on the
 * socket the installed configuration reaches ({@code sudo -n /usr/bin/fail2ban-client} talks to the socket named in
 * {@code /etc/fail2ban/fail2ban.conf}); the panel starts with the unit's {@code ExecStart}, {@code Environment} and
 * {@code WorkingDirectory} as the unit's {@code User}, with nothing changed; an admin signs in with the generated
 * password and releases a banned address, which only sudo can carry to fail2ban; the user reads logs through its
 * groups. Root only.
 */
@Tag("installed-package")
class InstalledPackageTests {

	private static final Path UNIT = Path.of("/lib/systemd/system/unban-panel.service");

	private static final Pattern GENERATED_PASSWORD = Pattern
		.compile("created user 'admin' with password (\\S+) \\(shown this once");

	private static final String ADDRESS = "203.0.113.9";

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static SystemdUnit unit;

	private static PrivateFail2ban fail2ban;

	private static Path fail2banDirectory;

	private static boolean createdRunDirectory;

	private static Process panel;

	private static Path panelOutput;

	@BeforeAll
	static void startFail2banAndThePanel() throws Exception {
		SystemTools.requireRoot();
		SystemTools.requireProgram("/usr/bin/unban-panel", "./target/unban-panel_*_all.deb");
		unit = SystemdUnit.read(UNIT);
		Path socket = systemSocket();
		assertThat(ProgramRun.of(List.of(PrivateFail2ban.CLIENT, "-s", socket.toString(), "ping"), TIMEOUT).exitCode())
			.as("a fail2ban already answers on %s: this check needs a machine without a running fail2ban", socket)
			.isNotZero();
		createdRunDirectory = !Files.isDirectory(socket.getParent());
		Files.createDirectories(socket.getParent());
		fail2banDirectory = Files.createTempDirectory("unban-panel-deb-check-");
		fail2ban = PrivateFail2ban.in(fail2banDirectory).socket(socket).start();
		fail2ban.ban("sshd", ADDRESS);
		fail2ban.ban("dovecot", ADDRESS);
		panel = startAsTheUnitDoes();
	}

	@AfterAll
	static void stopEverything() throws Exception {
		if (panel != null) {
			panel.toHandle().descendants().forEach(ProcessHandle::destroy);
			panel.destroy();
			panel.waitFor(30, TimeUnit.SECONDS);
		}
		if (fail2ban != null) {
			fail2ban.stop();
		}
		if (fail2banDirectory != null) {
			FileSystemUtils.deleteRecursively(fail2banDirectory);
		}
		if (createdRunDirectory) {
			Files.deleteIfExists(systemSocket().getParent());
		}
	}

	@Test
	void anAdminSignsInWithTheGeneratedPasswordAndReleasesAnAddressThroughSudo() throws Exception {
		assertThat(ProgramRun.of(List.of("/usr/sbin/runuser", "-u", unit.get("User"), "--", PrivateFail2ban.CLIENT,
				"ping"), TIMEOUT).exitCode())
			.as("the panel's user cannot reach fail2ban's socket itself")
			.isNotZero();
		String password = generatedPassword();
		PanelBrowser browser = new PanelBrowser(8080);

		assertThat(PanelBrowser.redirectPath(browser.signIn("admin", password))).doesNotContain("error");
		browser.get("/system/unblock");
		String jobPage = PanelBrowser.redirectPath(browser.post("/system/unblock", Map.of("ips", ADDRESS)));

		assertThat(browser.awaitFinished(jobPage)).contains(ADDRESS).contains("unbanned from sshd, dovecot");
		assertThat(fail2ban.bannedIn("sshd")).doesNotContain(ADDRESS);
		assertThat(fail2ban.bannedIn("dovecot")).doesNotContain(ADDRESS);
	}

	@Test
	void healthOnTheManagementPortSeesFail2banThroughSudo() throws Exception {
		generatedPassword();
		HttpResponse<String> health = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:8081/actuator/health/liveness")).build(),
					HttpResponse.BodyHandlers.ofString());

		assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
	}

	@Test
	void thePanelsUserReadsLogsWithItsOwnGroupsNotThroughSudo() throws IOException {
		String groups = ProgramRun.of(List.of("id", "-nG", unit.get("User")), TIMEOUT).requireSuccess("id").stdout();
		Path log = Files.createTempFile("unban-panel-deb-check-", ".log");
		try {
			Files.writeString(log, "sshd[1]: Failed password for root from 203.0.113.9 port 22 ssh2\n");
			ProgramRun.of(List.of("chown", "root:adm", log.toString()), TIMEOUT).requireSuccess("chown");
			ProgramRun.of(List.of("chmod", "0640", log.toString()), TIMEOUT).requireSuccess("chmod");

			assertThat(List.of(groups.strip().split(" "))).as("the groups of %s", unit.get("User")).contains("adm");
			if (ProgramRun.of(List.of("getent", "group", "systemd-journal"), TIMEOUT).exitCode() == 0) {
				assertThat(List.of(groups.strip().split(" "))).contains("systemd-journal");
			}
			assertThat(ProgramRun.of(List.of("/usr/sbin/runuser", "-u", unit.get("User"), "--", "cat", log.toString()),
					TIMEOUT).stdout())
				.as("a root:adm 0640 log, as Debian's rsyslog writes /var/log/auth.log")
				.contains("203.0.113.9");
		}
		finally {
			Files.delete(log);
		}
	}

	@Test
	void theLauncherPrintsThePackagesVersion() {
		String packaged = ProgramRun.of(List.of("dpkg-query", "-W", "-f=${Version}", "unban-panel"), TIMEOUT)
			.requireSuccess("dpkg-query")
			.stdout();

		ProgramRun version = ProgramRun.of(List.of("/usr/bin/unban-panel", "--version"), TIMEOUT);

		assertThat(version.stdout()).isEqualTo("unban-panel " + packaged.replace('~', '-') + "\n");
	}

	/** {@code runuser -u <User> -- env -i <Environment> <ExecStart>} in {@code WorkingDirectory}. */
	private static Process startAsTheUnitDoes() throws IOException {
		List<String> line = new ArrayList<>(List.of("/usr/sbin/runuser", "-u", unit.get("User"), "--", "/usr/bin/env",
				"-i", "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"));
		unit.environment().forEach((name, value) -> line.add(name + "=" + value));
		line.addAll(unit.execStart());
		panelOutput = Files.createTempFile("unban-panel-deb-check-", ".log");
		return new ProcessBuilder(line).directory(new File(unit.get("WorkingDirectory")))
			.redirectErrorStream(true)
			.redirectOutput(panelOutput.toFile())
			.start();
	}

	/** Waits until the panel has started and printed its generated password. */
	private static String generatedPassword() throws Exception {
		Await.until("the panel's start", Duration.ofSeconds(120),
				() -> !panel.isAlive() || output().contains("Started UnbanPanelApplication"));
		String output = output();
		assertThat(panel.isAlive()).as("the panel is running:%n%s", output).isTrue();
		Matcher password = GENERATED_PASSWORD.matcher(output);
		assertThat(password.find()).as("the generated password in%n%s", output).isTrue();
		return password.group(1);
	}

	private static String output() {
		try {
			return Files.readString(panelOutput);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Where the machine's fail2ban-client looks for the server: {@code socket} in /etc/fail2ban/fail2ban.conf. */
	private static Path systemSocket() throws IOException {
		return Files.readAllLines(Path.of("/etc/fail2ban/fail2ban.conf"))
			.stream()
			.map(String::strip)
			.filter(line -> line.matches("socket\\s*=.*"))
			.map(line -> Path.of(line.substring(line.indexOf('=') + 1).strip()))
			.findFirst()
			.orElseThrow();
	}

}
