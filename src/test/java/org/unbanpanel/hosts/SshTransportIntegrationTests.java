package org.unbanpanel.hosts;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unbanpanel.demo.ProgramRun;
import org.unbanpanel.exec.CommandException;
import org.unbanpanel.exec.CommandResult;
import org.unbanpanel.testsupport.Await;
import org.unbanpanel.testsupport.SshHosts;
import org.unbanpanel.testsupport.SshTestHost;
import org.unbanpanel.testsupport.WithSshHosts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The SSH transport against real OpenSSH servers: one session per host reused by every command, the argument list
 * received exactly as sent, hostile values that never reach a shell unquoted (a sentinel file on the host's side that
 * a payload would create stays absent), a host whose key is not the pinned one refused before anything runs there, a
 * stopped or frozen host answered with a readable "unreachable" within the timeouts, and the session opened again
 * when the host is back. The hosts offer password authentication and allow agent and port forwarding, so that their
 * sshd log shows that the panel uses none of them.
 */
@WithSshHosts(2)
class SshTransportIntegrationTests {

	private final SshTestHost testHost;

	private final SshTestHost other;

	private final Map<String, Object> settings;

	private Hosts hosts;

	private Path sentinel;

	private int logMark;

	SshTransportIntegrationTests(SshHosts testHosts) {
		this.testHost = testHosts.get(0);
		this.other = testHosts.get(1);
		this.settings = TestFleet.settings(List.of(testHost));
		// long enough that a command right after a failed connection is answered from the back-off, not a new attempt
		this.settings.put("panel.ssh.reconnect-delay", "2s");
		this.settings.put("panel.ssh.reconnect-delay-max", "2s");
	}

	@BeforeEach
	void panelKeyInstalled() {
		testHost.restart();
		hosts = TestFleet.hosts(settings);
		TestFleet.authorize(hosts, List.of(testHost));
		sentinel = testHost.home().resolve("pwned-" + UUID.randomUUID().toString().substring(0, 6));
		logMark = testHost.log().length();
	}

	@AfterEach
	void noShellEverRanAPayload() throws Exception {
		assertThat(sentinel).doesNotExist();
		hosts.destroy();
	}

	@Test
	void everyCommandRunsInAChannelOfOneSessionWithTheExactArgumentList() {
		List<String> arguments = List.of("", " ", "a b", "it's", "\"q\"", "$HOME", "-n", "--", "é中😀", "x\ny", "*");

		List<List<String>> received = IntStream.range(0, 5).mapToObj(i -> printed(arguments)).toList();

		assertThat(received).allSatisfy(argv -> assertThat(argv).containsExactlyElementsOf(arguments));
		assertThat(count(logSinceMark(), "Accepted publickey for " + testHost.user())).isEqualTo(1);
		assertThat(count(logSinceMark(), "request exec")).isEqualTo(5);
	}

	@Test
	void commandsRunSideBySideOverTheOneSession() {
		List<CompletableFuture<CommandResult>> runs = IntStream.range(0, 8)
			.mapToObj(i -> CompletableFuture.supplyAsync(() -> run(List.of("sh", "-c", "sleep 0.5; echo " + i))))
			.toList();

		assertThat(runs.stream().map(CompletableFuture::join).map(CommandResult::stdout))
			.containsExactlyInAnyOrderElementsOf(IntStream.range(0, 8).mapToObj(i -> i + "\n").toList());
		assertThat(count(logSinceMark(), "Accepted publickey for " + testHost.user())).isEqualTo(1);
	}

	@Test
	void hostileValuesReachTheProgramAsOneArgumentEachAndNoShellRunsThem() {
		String touch = "touch " + sentinel;
		List<String> payloads = List.of(touch, "1.2.3.4;" + touch, "$(" + touch + ")", "`" + touch + "`",
				"touch${IFS}" + sentinel, "';" + touch + ";'", "\";" + touch + ";\"", "x\n" + touch, "x|" + touch,
				"x&&" + touch, "x||" + touch, ">" + sentinel, "--all;" + touch, "'\\'';" + touch + ";'\\''");

		assertThat(printed(payloads)).containsExactlyElementsOf(payloads);
		assertThat(run(List.of("ls", "-a", testHost.home().toString())).stdout()).doesNotContain(sentinel.getFileName()
			.toString());
		assertThat(sentinel).doesNotExist();
	}

	/** The control of the test above: the same payload, run by a shell as the host's account, leaves the sentinel. */
	@Test
	void theSentinelIsWhereAPayloadRunByAShellOnTheHostLeavesIt() {
		ProgramRun run = ProgramRun.of(List.of("runuser", "-u", testHost.user(), "--", "/bin/sh", "-c",
				"x;touch " + sentinel), Duration.ofSeconds(10));

		assertThat(run.exitCode()).isZero();
		assertThat(sentinel).exists();
		sentinel.toFile().delete();
	}

	@Test
	void aHostShowingAnotherKeyThanThePinnedOneIsRefusedWithBothFingerprintsAndNothingRunsThere() throws Exception {
		Map<String, Object> pinnedElsewhere = TestFleet.settings(List.of(testHost));
		pinnedElsewhere.put("panel.hosts[0].host-key", other.knownHostsLine());
		Hosts refusing = TestFleet.hosts(pinnedElsewhere);
		TestFleet.authorize(refusing, List.of(testHost));
		SshHost host = refusing.remote(HostName.parse(TestFleet.name(0))).orElseThrow();
		try {
			CommandException refused = catchThrowableOfType(CommandException.class,
					() -> TestFleet.host(refusing, 0).runner().run(List.of("touch", sentinel.toString())));

			assertThat(refused.reason()).isEqualTo(CommandException.Reason.UNREACHABLE);
			assertThat(refused.getMessage()).contains(testHost.hostKeyFingerprint())
				.contains(other.hostKeyFingerprint())
				.contains("nothing was run there");
			assertThat(host.status().reachability()).isEqualTo(HostStatus.Reachability.KEY_MISMATCH);
			assertThat(host.status().presentedFingerprint()).isEqualTo(testHost.hostKeyFingerprint());
			assertThat(host.status().pinnedFingerprint()).isEqualTo(other.hostKeyFingerprint());
			assertThat(sentinel).doesNotExist();
			assertThat(logSinceMark()).doesNotContain("Accepted publickey").doesNotContain("request exec");
		}
		finally {
			refusing.destroy();
		}
	}

	@Test
	void aHostThatDoesNotKnowThePanelsKeyRefusesItAndThePanelNeverTriesAPassword() {
		testHost.authorize();

		CommandException refused = catchThrowableOfType(CommandException.class,
				() -> run(List.of("touch", sentinel.toString())));

		assertThat(refused.reason()).isEqualTo(CommandException.Reason.UNREACHABLE);
		assertThat(refused.getMessage()).contains("did not accept the panel's key").contains(testHost.user());
		assertThat(status().reachability()).isEqualTo(HostStatus.Reachability.NOT_AUTHORIZED);
		assertThat(logSinceMark()).contains("method publickey")
			.doesNotContain("method password")
			.doesNotContain("method keyboard-interactive");
	}

	@Test
	void thePanelAsksForNoTerminalNoAgentNoX11AndNoForwarding() {
		CommandResult environment = run(List.of("env"));

		assertThat(environment.stdout()).contains("LC_ALL=C")
			.doesNotContain("SSH_AUTH_SOCK")
			.doesNotContain("DISPLAY=")
			.doesNotContain("SSH_TTY");
		assertThat(logSinceMark()).contains("request exec")
			.doesNotContain("request pty-req")
			.doesNotContain("request auth-agent-req")
			.doesNotContain("request x11-req")
			.doesNotContain("tcpip-forward")
			.doesNotContain("direct-tcpip");
	}

	@Test
	void aStoppedHostIsUnreachableWithinTheConnectTimeoutIsLeftAloneForTheDelayAndItsSessionOpensAgainWhenItIsBack()
			throws InterruptedException {
		run(List.of("true"));
		testHost.stop();

		long start = System.nanoTime();
		CommandException unreachable = catchThrowableOfType(CommandException.class,
				() -> run(List.of("touch", sentinel.toString())));
		Duration took = Duration.ofNanos(System.nanoTime() - start);

		assertThat(unreachable.reason()).isEqualTo(CommandException.Reason.UNREACHABLE);
		assertThat(unreachable.getMessage()).startsWith("cannot reach " + TestFleet.name(0) + " (")
			.contains("connection refused");
		assertThat(took).isLessThan(TestFleet.CONNECT_TIMEOUT);
		assertThat(status().reachability()).isEqualTo(HostStatus.Reachability.UNREACHABLE);
		CommandException backingOff = catchThrowableOfType(CommandException.class, () -> run(List.of("true")));
		assertThat(backingOff.reason()).isEqualTo(CommandException.Reason.UNREACHABLE);
		assertThat(backingOff.getMessage()).as("no new attempt before the reconnect delay")
			.contains("the panel tries again in at most");

		testHost.restart();
		Await.until("the host back", Duration.ofSeconds(10), () -> tryRun(List.of("echo", "back")));

		assertThat(run(List.of("echo", "back")).stdout()).isEqualTo("back\n");
		assertThat(status().reachability()).isEqualTo(HostStatus.Reachability.REACHABLE);
		assertThat(count(logSinceMark(), "Accepted publickey for " + testHost.user())).isEqualTo(2);
	}

	@Test
	void aFrozenHostGivesUpWithinTheCommandTimeoutAndAnswersAgainOnceThawed() throws InterruptedException {
		run(List.of("true"));
		testHost.pause();
		try {
			long start = System.nanoTime();
			CommandException hung = catchThrowableOfType(CommandException.class,
					() -> run(List.of("touch", sentinel.toString())));
			Duration took = Duration.ofNanos(System.nanoTime() - start);

			assertThat(hung.reason()).isEqualTo(CommandException.Reason.UNREACHABLE);
			assertThat(hung.getMessage()).startsWith(TestFleet.name(0) + " does not answer");
			assertThat(took).isLessThan(TestFleet.COMMAND_TIMEOUT.plusSeconds(2));
		}
		finally {
			testHost.resume();
		}
		Await.until("the host thawed", Duration.ofSeconds(30), () -> tryRun(List.of("true")));
		assertThat(sentinel).doesNotExist();
	}

	private CommandResult run(List<String> command) {
		return TestFleet.host(hosts, 0).runner().run(command);
	}

	private boolean tryRun(List<String> command) {
		try {
			return run(command).succeeded();
		}
		catch (CommandException ex) {
			return false;
		}
	}

	private HostStatus status() {
		return hosts.remote(HostName.parse(TestFleet.name(0))).orElseThrow().status();
	}

	private List<String> printed(List<String> arguments) {
		List<String> argv = new ArrayList<>(List.of("printf", "%s\\0"));
		argv.addAll(arguments);
		String out = run(argv).stdout();
		return Arrays.asList(out.substring(0, out.length() - 1).split("\0", -1));
	}

	private String logSinceMark() {
		return testHost.log().substring(logMark);
	}

	private static int count(String text, String what) {
		return (int) Pattern.compile(Pattern.quote(what)).matcher(text).results().count();
	}

}
