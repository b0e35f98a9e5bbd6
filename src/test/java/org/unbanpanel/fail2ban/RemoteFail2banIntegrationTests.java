package org.unbanpanel.fail2ban;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.core.InvalidValueException;
import org.unbanpanel.exec.CommandException;
import org.unbanpanel.hosts.Host;
import org.unbanpanel.hosts.HostTool;
import org.unbanpanel.hosts.Hosts;
import org.unbanpanel.hosts.TestFleet;
import org.unbanpanel.testsupport.Fail2banServer;
import org.unbanpanel.testsupport.SshHosts;
import org.unbanpanel.testsupport.SshTestHost;
import org.unbanpanel.testsupport.WithSshHosts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The fail2ban adapter on three other hosts, each a real sshd with its own fail2ban-server, reached as that host's
 * {@code unban-panel} through {@code sudo -n} under the shipped sudoers rules installed for it: a release on each
 * host, checked against that host's own fail2ban; each host's rules reach only its own fail2ban; they refuse what the
 * panel never sends; hostile values are refused before any command reaches a host.
 */
@WithSshHosts(3)
class RemoteFail2banIntegrationTests {

	private static final String ADDRESS = "198.51.100.7";

	private static Hosts hosts;

	private final SshHosts testHosts;

	private static final ReadRuns runs = new ReadRuns();

	private final Fail2bans fail2bans = new Fail2bans(null, null,
			new ReadsProperties(Duration.ZERO, Duration.ofMinutes(1), Duration.ZERO), Clock.systemUTC(), runs);

	RemoteFail2banIntegrationTests(SshHosts testHosts) {
		this.testHosts = testHosts;
		if (hosts == null) {
			hosts = TestFleet.hosts(TestFleet.settings(testHosts.all()));
			TestFleet.authorize(hosts, testHosts.all());
		}
	}

	@BeforeEach
	void everyHostAnswers() {
		testHosts.all().forEach(host -> {
			host.restart();
			host.fail2ban().ensureRunning();
		});
	}

	@AfterEach
	void releaseEverything() {
		testHosts.all().forEach(host -> {
			host.fail2ban().ensureRunning();
			host.fail2ban().unbanAll();
		});
	}

	@AfterAll
	static void closeSessions() throws Exception {
		runs.destroy();
		hosts.destroy();
		hosts = null;
	}

	@Test
	void releasesAnAddressOnEveryHostFromTheJailsThatHoldItThereAndNothingElse() {
		fail2ban(0).ban("sshd", ADDRESS);
		fail2ban(1).ban("dovecot", ADDRESS);
		fail2ban(1).ban("sasl", ADDRESS);
		fail2ban(2).ban("mxcp", ADDRESS);
		fail2ban(2).ban("sshd", "203.0.113.9");

		List<List<String>> jailsHolding = List.of(jailsHolding(0), jailsHolding(1), jailsHolding(2));
		List<Unbanned> unbanned = List.of(unban(0), unban(1), unban(2));

		assertThat(jailsHolding).containsExactly(List.of("sshd"), List.of("dovecot", "sasl"), List.of("mxcp"));
		assertThat(unbanned).as("each host's fail2ban counts the jails it released from")
			.extracting(Unbanned::removed)
			.containsExactly(OptionalInt.of(1), OptionalInt.of(2), OptionalInt.of(1));
		for (SshTestHost host : testHosts.all()) {
			for (String jail : Fail2banServer.JAILS) {
				assertThat(host.fail2ban().bannedIn(jail)).doesNotContain(ADDRESS);
			}
		}
		assertThat(fail2ban(2).bannedIn("sshd")).containsExactly("203.0.113.9");
	}

	@Test
	void readsEachHostsOwnJailsAndBans() {
		fail2ban(1).ban("apache", "192.0.2.0/24");

		assertThat(fail2bans.on(host(1)).jails()).containsExactlyInAnyOrderElementsOf(Fail2banServer.JAILS);
		assertThat(fail2bans.on(host(1)).bans("apache")).extracting(Ban::address).containsExactly("192.0.2.0/24");
		assertThat(fail2bans.on(host(0)).bans("apache")).isEmpty();
	}

	@Test
	void aHostsReadsAreSharedAsLocallyAndARepeatWithinTheirFreshnessRunsNothingThere() {
		Fail2bans shared = new Fail2bans(null, null,
				new ReadsProperties(Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(1)), Clock.systemUTC(),
				runs);
		fail2ban(1).ban("sshd", ADDRESS);
		Fail2ban remote = shared.on(host(1));
		JailSettings settings = shared.settingsOn(host(1));
		remote.jails();
		settings.findTime("sshd");
		int commandsBefore = commands(testHosts.get(1));

		List<String> jails = remote.jails();
		Duration findTime = settings.findTime("sshd");

		assertThat(jails).containsExactlyInAnyOrderElementsOf(Fail2banServer.JAILS);
		assertThat(findTime).isPositive();
		assertThat(commands(testHosts.get(1))).isEqualTo(commandsBefore);
		assertThat(shared.on(host(1))).isSameAs(remote);
		assertThat(remote.unban(List.of(ADDRESS)).refusal()).isEmpty();
		assertThat(fail2ban(1).bannedIn("sshd")).doesNotContain(ADDRESS);
	}

	@Test
	void eachHostsSudoRulesReachOnlyThatHostsFail2ban() {
		fail2ban(1).ban("sshd", ADDRESS);
		List<String> hostOnesBanned = withWords(testHosts.get(1).fail2banCommand(), "--", "banned");

		CommandException refused = catchThrowableOfType(CommandException.class,
				() -> host(0).runner().run(hostOnesBanned));

		assertThat(refused.reason()).isEqualTo(CommandException.Reason.SUDO_REFUSED);
		assertThat(host(1).runner().run(hostOnesBanned).stdout()).contains(ADDRESS);
	}

	@ParameterizedTest
	@ValueSource(strings = { "unban --all", "set sshd banip 203.0.113.1", "stop",
			"reload", "set logtarget addignoreip 1.2.3.4", "unban 0.0.0.0/0", "get sshd banip", "ping" })
	void theHostsSudoRulesRefuseWhatThePanelNeverSendsAndNothingChangesThere(String words) {
		fail2ban(0).ban("sshd", ADDRESS);
		String before = fail2ban(0).client(List.of("banned"));
		List<String> command = withWords(testHosts.get(0).fail2banCommand(), "--");
		command.addAll(List.of(words.split(" ")));

		CommandException refused = catchThrowableOfType(CommandException.class, () -> host(0).runner().run(command));

		assertThat(refused.reason()).isEqualTo(CommandException.Reason.SUDO_REFUSED);
		assertThat(fail2ban(0).client(List.of("banned"))).isEqualTo(before);
		assertThat(fail2ban(0).client(List.of("ping")).strip()).isEqualTo("Server replied: pong");
	}

	@ParameterizedTest
	@ValueSource(strings = { "sshd;id", "$(touch SENTINEL)", "`touch SENTINEL`", "touch${IFS}SENTINEL", "-x", "--all",
			"sshd banip", "sshd\nset", "../sshd", "sshd'", "'$(touch SENTINEL)'", "" })
	void aHostileJailNameIsRefusedBeforeAnyCommandReachesTheHost(String hostile) {
		Path sentinel = testHosts.get(0).home().resolve("pwned-" + UUID.randomUUID().toString().substring(0, 6));
		String jail = hostile.replace("SENTINEL", sentinel.toString());
		int commandsBefore = commands(testHosts.get(0));
		Fail2ban remote = fail2bans.on(host(0));

		assertThatThrownBy(() -> remote.status(jail)).isInstanceOf(InvalidValueException.class);
		assertThatThrownBy(() -> remote.bans(jail)).isInstanceOf(InvalidValueException.class);
		assertThatThrownBy(() -> remote.ignored(jail)).isInstanceOf(InvalidValueException.class);
		assertThatThrownBy(() -> remote.addIgnore(List.of(jail), List.of(BanTarget.parse(ADDRESS))))
			.isInstanceOf(InvalidValueException.class);

		assertThat(commands(testHosts.get(0))).isEqualTo(commandsBefore);
		assertThat(sentinel).doesNotExist();
	}

	@Test
	void theHostsPageLearnsEachHostsFail2banVersionOrWhyItCannotBeAsked() {
		String version = fail2ban(0).client(List.of("version")).strip();
		fail2ban(1).stop();
		testHosts.get(2).stop();

		HostTool.Report answering = fail2bans.report(host(0));
		HostTool.Report stopped = fail2bans.report(host(1));
		HostTool.Report unreachable = fail2bans.report(host(2));

		assertThat(answering).isEqualTo(HostTool.Report.of(version));
		assertThat(stopped.detail()).isNull();
		assertThat(stopped.problem().english()).startsWith("fail2ban is not running");
		assertThat(unreachable.problem().english()).startsWith("cannot reach " + TestFleet.name(2));
	}

	private List<String> jailsHolding(int host) {
		return fail2bans.on(host(host))
			.whereBannedNow(List.of(BanTarget.parse(ADDRESS)))
			.get(BanTarget.parse(ADDRESS))
			.stream()
			.map(HeldBan::jail)
			.toList();
	}

	private Unbanned unban(int host) {
		return fail2bans.on(host(host)).unban(List.of(ADDRESS));
	}

	private Host host(int index) {
		return TestFleet.host(hosts, index);
	}

	private Fail2banServer fail2ban(int index) {
		return testHosts.get(index).fail2ban();
	}

	private static List<String> withWords(List<String> command, String... words) {
		List<String> line = new ArrayList<>(command);
		line.addAll(List.of(words));
		return line;
	}

	/** Commands the host's sshd has started so far. */
	private static int commands(SshTestHost host) {
		return (int) Pattern.compile("request exec").matcher(host.log()).results().count();
	}

}
