package org.unbanpanel.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unbanpanel.testsupport.PanelBrowser;
import org.unbanpanel.testsupport.SystemTools;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo as the README starts it, in its own JVM as the unprivileged user {@code nobody} (see {@link DemoProcess}):
 * its fail2ban-server holds the documented bans, the real faillock reports its locked account, a release through the
 * page reaches that fail2ban-server, and no fail2ban-server outlives the panel, whether it is stopped with Ctrl-C or
 * killed.
 */
class DemoIntegrationTests {

	private DemoProcess demo;

	@BeforeEach
	void prepare() throws IOException {
		SystemTools.requireProgram(PrivateFail2ban.SERVER, "fail2ban");
		SystemTools.requireProgram(FaillockTally.FAILLOCK, "libpam-modules-bin");
		demo = DemoProcess.prepare();
	}

	@AfterEach
	void cleanUp() {
		demo.close();
	}

	@Test
	void showsTheDocumentedBansAndLockedAccountReleasesThroughThePageAndStopsItsServerOnCtrlC() throws Exception {
		DemoProcess.SignIn signIn = demo.start();
		assertThat(demo.fail2banServer()).as("the demo's fail2ban-server").isPresent();
		if (DemoProcess.asRoot()) {
			assertThat(demo.fail2banServer().orElseThrow().info().user()).contains(DemoProcess.NORMAL_USER);
		}
		for (DemoSite.DemoBan ban : DemoSite.BANS) {
			assertThat(bannedIn(ban.jail())).as("%s in %s", ban.address(), ban.jail()).contains(ban.address());
		}
		assertThat(bannedIn("sshd")).as("banned by fail2ban from the sshd log lines").contains(DemoSite.FROM_LOG);
		assertThat(client("get", "ssh-ddos", "bantime").strip()).as("the permanent ban's jail").isEqualTo("-1");
		String account = lockedAccount();
		assertThat(faillock("--user", account)).contains(DemoSite.LOCK_SOURCE).containsPattern("(?s)( V\\n.*){3}");

		PanelBrowser browser = new PanelBrowser(signIn.port());
		assertThat(browser.signIn("admin", signIn.password()).statusCode()).isEqualTo(302);
		assertThat(browser.get("/jails/dovecot").body()).contains("203.0.113.7");
		assertThat(browser.get("/jails/sshd").body()).contains("2001:db8:4a::17").contains(DemoSite.FROM_LOG);
		assertThat(browser.get("/accounts").body()).contains(">" + account + "<");

		browser.get("/system/unblock");
		String jobPage = PanelBrowser
			.redirectPath(browser.post("/system/unblock", Map.of("ips", "203.0.113.7", "accounts", account)));
		assertThat(browser.awaitFinished(jobPage)).contains("dovecot, sasl");
		assertThat(bannedIn("dovecot")).doesNotContain("203.0.113.7");
		assertThat(bannedIn("sasl")).doesNotContain("203.0.113.7");
		assertThat(faillock("--user", account)).doesNotContain(" V\n");

		demo.signal("INT");

		assertThat(demo.awaitExit()).as("the panel's exit after Ctrl-C").isIn(0, 130);
		assertThat(demo.serversOnTheDemoSocket()).as("fail2ban-servers left running").isEmpty();
	}

	@Test
	void aSecondStartReplacesTheServerACrashLeftRunning() throws Exception {
		demo.start();
		ProcessHandle first = demo.fail2banServer().orElseThrow();
		demo.signal("KILL");
		demo.awaitExit();
		assertThat(first.isAlive()).as("the killed panel could not stop its fail2ban-server").isTrue();

		demo.start();

		assertThat(first.isAlive()).as("the left-over server").isFalse();
		assertThat(demo.fail2banServer()).isPresent().get().isNotEqualTo(first);
		assertThat(demo.serversOnTheDemoSocket()).hasSize(1);
		assertThat(bannedIn("sshd")).contains(DemoSite.FROM_LOG);
		demo.signal("TERM");
		demo.awaitExit();
		assertThat(demo.serversOnTheDemoSocket()).isEmpty();
	}

	@Test
	void withoutFail2banSaysWhichPackageToInstallAndExits() throws Exception {
		SystemTools.requireRoot();
		// fail2ban-server disappears for this command only: a private mount namespace covers it with /dev/null
		demo.launch(List.of("/usr/bin/unshare", "--mount", "--", "/bin/sh", "-c",
				"mount --bind /dev/null " + PrivateFail2ban.SERVER + " && exec \"$@\"", "sh"));

		assertThat(demo.awaitExit()).isEqualTo(1);
		assertThat(demo.output()).contains("APPLICATION FAILED TO START")
			.contains(PrivateFail2ban.SERVER + " is missing")
			.contains("sudo apt-get install fail2ban")
			.doesNotContain("Exception")
			.doesNotContainPattern("\\tat [a-z]");
		assertThat(Files.exists(demo.dataDir())).as("nothing was set up").isFalse();
	}

	private List<String> bannedIn(String jail) {
		return List.of(client("get", jail, "banip").strip().split("\\s+"));
	}

	private String client(String... words) {
		Path fail2ban = demo.dataDir().resolve("fail2ban");
		List<String> line = new ArrayList<>(List.of(PrivateFail2ban.CLIENT, "-c",
				fail2ban.resolve("conf").toString(), "-s", fail2ban.resolve("f2b.sock").toString()));
		line.addAll(List.of(words));
		return ProgramRun.of(line, Duration.ofSeconds(30)).requireSuccess(String.join(" ", words)).stdout();
	}

	private String faillock(String... arguments) {
		List<String> line = new ArrayList<>(
				List.of(FaillockTally.FAILLOCK, "--dir", demo.dataDir().resolve("faillock").toString()));
		line.addAll(List.of(arguments));
		return ProgramRun.of(line, Duration.ofSeconds(30)).requireSuccess("faillock").stdout();
	}

	private String lockedAccount() throws IOException {
		try (var files = Files.list(demo.dataDir().resolve("faillock"))) {
			return files.map(file -> file.getFileName().toString()).findFirst().orElseThrow();
		}
	}

}
