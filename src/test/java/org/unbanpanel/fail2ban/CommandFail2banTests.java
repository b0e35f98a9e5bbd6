package org.unbanpanel.fail2ban;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.InOrder;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.core.InvalidValueException;
import org.unbanpanel.exec.CommandException;
import org.unbanpanel.exec.CommandResult;
import org.unbanpanel.exec.CommandRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;
import static org.unbanpanel.exec.CommandRunners.ok;

/** The adapter's own logic, with the runner mocked; the real fail2ban is in the integration tests. */
class CommandFail2banTests {

	private static final List<String> PREFIX = List.of("sudo", "-n", "/usr/bin/fail2ban-client");

	private final CommandRunner runner = mock(CommandRunner.class);

	private final CommandFail2ban fail2ban = new CommandFail2ban(runner, new Fail2banProperties(PREFIX));

	@Test
	void handsTheRunnerExactlyThePrefixAnEndOfOptionsAndTheWords() {
		when(runner.run(anyList())).thenReturn(ok("1.0.2\n"), ok("43200\n"),
				ok(Fail2banOutputTests.STATUS_APACHE_SHORT));

		assertThat(fail2ban.version()).isEqualTo("1.0.2");
		assertThat(fail2ban.status("apache").banTime()).isEqualTo(Duration.ofHours(12));

		InOrder order = inOrder(runner);
		order.verify(runner).run(List.of("sudo", "-n", "/usr/bin/fail2ban-client", "--", "version"));
		order.verify(runner).run(List.of("sudo", "-n", "/usr/bin/fail2ban-client", "--", "get", "apache", "bantime"));
		order.verify(runner).run(List.of("sudo", "-n", "/usr/bin/fail2ban-client", "--", "status", "apache", "short"));
	}

	@Test
	void readsABanListWithTimesCheckedAgainstBannedSideBySide() {
		when(runner.run(command("get", "apache", "banip", "--with-time"))).thenReturn(ok(Fail2banOutputTests.BANIP_APACHE));
		when(runner.run(command("banned"))).thenReturn(ok(PythonLiteralTests.BANNED));

		BanList list = fail2ban.banList("apache");

		assertThat(list.bans()).extracting(Ban::address).containsExactly("192.0.2.1", "192.0.2.2", "198.51.100.0/24");
		assertThat(list.unreadable()).isEmpty();
		verify(runner).run(List.of("sudo", "-n", "/usr/bin/fail2ban-client", "--", "get", "apache", "banip", "--with-time"));
		verify(runner).run(List.of("sudo", "-n", "/usr/bin/fail2ban-client", "--", "banned"));
		verifyNoMoreInteractions(runner);
	}

	@Test
	void readsTheIgnoreListLeavingOutWhatItCannotReadExactly() {
		when(runner.run(command("get", "sshd", "ignoreip"))).thenReturn(ok(IgnoreListTests.HOSTILE_IGNORED));

		assertThat(fail2ban.ignored("sshd")).containsExactly("q", "10.0.0.0", "2001:db8::/48", "203.0.113.50");
	}

	@Test
	void findsEveryBanThatConcernsEachTargetInOneRun() {
		when(runner.run(anyList())).thenReturn(ok(
				"[{'sshd': ['198.51.100.0/24', '192.0.2.1']}, {'apache': ['192.0.2.1', '198.51.100.9', '198.51.100.0/25']},"
						+ " {'mxcp': ['::ffff:198.51.100.7', '10.0.0.0/8']}]"));

		Map<BanTarget, List<HeldBan>> bans = fail2ban
			.whereBanned(targets("198.51.100.7", "198.51.100.0/24", "192.0.2.1", "203.0.113.1", "192.0.2.1/32"));

		assertThat(bans).containsOnlyKeys(targets("198.51.100.7", "198.51.100.0/24", "192.0.2.1", "203.0.113.1"));
		assertThat(bans.get(BanTarget.parse("198.51.100.7"))).containsExactly(
				new HeldBan("sshd", "198.51.100.0/24", HeldBan.Overlap.AROUND),
				new HeldBan("apache", "198.51.100.0/25", HeldBan.Overlap.AROUND),
				new HeldBan("mxcp", "::ffff:198.51.100.7", HeldBan.Overlap.OWN));
		assertThat(bans.get(BanTarget.parse("198.51.100.0/24"))).containsExactly(
				new HeldBan("sshd", "198.51.100.0/24", HeldBan.Overlap.OWN),
				new HeldBan("apache", "198.51.100.9", HeldBan.Overlap.INSIDE),
				new HeldBan("apache", "198.51.100.0/25", HeldBan.Overlap.INSIDE),
				new HeldBan("mxcp", "::ffff:198.51.100.7", HeldBan.Overlap.INSIDE));
		assertThat(bans.get(BanTarget.parse("192.0.2.1"))).extracting(HeldBan::jail, HeldBan::overlap)
			.containsExactly(tuple("sshd", HeldBan.Overlap.OWN), tuple("apache", HeldBan.Overlap.OWN));
		assertThat(bans.get(BanTarget.parse("203.0.113.1"))).isEmpty();
		verify(runner).run(command("banned"));
		verifyNoMoreInteractions(runner);
	}

	@Test
	void findsAnIpv4MappedTargetUnderTheFormFail2banHoldsIt() {
		when(runner.run(anyList())).thenReturn(ok("[{'sshd': ['192.0.2.2']}, {'sasl': ['::ffff:192.0.2.2']}]"));

		assertThat(fail2ban.whereBanned(targets("::ffff:192.0.2.2")).get(BanTarget.parse("::ffff:192.0.2.2")))
			.containsExactly(new HeldBan("sshd", "192.0.2.2", HeldBan.Overlap.OWN),
					new HeldBan("sasl", "::ffff:192.0.2.2", HeldBan.Overlap.OWN));
	}

	@Test
	void unbansTheEntriesInOneRunWithTimeForEachOfThem() {
		when(runner.run(anyList(), any())).thenReturn(ok("3\n"));

		assertThat(fail2ban.unban(List.of("192.0.2.1", "198.51.100.9", "::ffff:192.0.2.2", "192.0.2.1")))
			.isEqualTo(new Unbanned(OptionalInt.of(3), Optional.empty()));

		verify(runner).run(command("unban", "192.0.2.1", "198.51.100.9", "::ffff:192.0.2.2"), Duration.ofMillis(75));
		verifyNoMoreInteractions(runner);
	}

	@Test
	void unbansFromOneJailOnlyWithSetUnbanip() {
		when(runner.run(anyList(), any())).thenReturn(ok("1\n"));

		fail2ban.unban("dovecot", List.of("192.0.2.1"));

		verify(runner).run(command("set", "dovecot", "unbanip", "192.0.2.1"), Duration.ofMillis(25));
	}

	@Test
	void splitsALargeReleaseIntoCallsOfTheConfiguredSize() {
		CommandFail2ban small = new CommandFail2ban(runner, new Fail2banProperties(PREFIX, 2, Duration.ofSeconds(1)));
		when(runner.run(anyList(), any())).thenReturn(ok("2\n"));

		assertThat(small.unban(List.of("192.0.2.1", "192.0.2.2", "192.0.2.3", "192.0.2.4", "192.0.2.5")).removed())
			.as("the counts of the three calls").hasValue(6);

		InOrder order = inOrder(runner);
		order.verify(runner).run(command("unban", "192.0.2.1", "192.0.2.2"), Duration.ofSeconds(2));
		order.verify(runner).run(command("unban", "192.0.2.3", "192.0.2.4"), Duration.ofSeconds(2));
		order.verify(runner).run(command("unban", "192.0.2.5"), Duration.ofSeconds(1));
		verifyNoMoreInteractions(runner);
	}

	@Test
	void keepsFail2bansRefusalAndSendsTheOtherCalls() {
		CommandFail2ban small = new CommandFail2ban(runner, new Fail2banProperties(PREFIX, 1, Duration.ZERO));
		when(runner.run(anyList())).thenReturn(new CommandResult(255, "Sorry but the command is invalid\n",
				"2026-11-25 11:06:31,499 fail2ban                [6073]: ERROR   NOK: ('x',)\n", false), ok("1\n"));

		Unbanned unbanned = small.unban(List.of("192.0.2.1", "192.0.2.2"));

		assertThat(unbanned.refusal().map(Explanation::english))
			.contains("fail2ban refused: Sorry but the command is invalid");
		assertThat(unbanned.removed()).as("a refused call removed an unknown number").isEmpty();
		verify(runner, times(2)).run(anyList());
	}

	/** fail2ban goes on with a call whose client was killed: the next call is not sent, the caller reads again. */
	@Test
	void stopsAtACallThatWasNotAnswered() {
		CommandFail2ban small = new CommandFail2ban(runner, new Fail2banProperties(PREFIX, 1, Duration.ZERO));
		when(runner.run(anyList())).thenThrow(
				new CommandException(CommandException.Reason.TIMEOUT,
						Explanation.of("command.timeout", "fail2ban-client", 10_000)));

		assertThatThrownBy(() -> small.unban(List.of("192.0.2.1", "192.0.2.2")))
			.isInstanceOfSatisfying(Fail2banException.class,
					ex -> assertThat(ex.reason()).isEqualTo(Fail2banException.Reason.UNREACHABLE));
		verify(runner, times(1)).run(anyList());
	}

	@Test
	void runsNothingForNoEntry() {
		assertThat(fail2ban.unban(List.of())).isEqualTo(Unbanned.NOTHING);
		assertThat(fail2ban.unban("sshd", List.of())).isEqualTo(Unbanned.NOTHING);
		assertThat(fail2ban.whereBanned(List.of())).isEmpty();
		verifyNoInteractions(runner);
	}

	@ParameterizedTest
	@ValueSource(strings = { "-all", "--all", "0.0.0.0/0", "::/0", "it's", "192.0.2.1 192.0.2.2", "host.example" })
	void neverSendsAnEntryThatIsNotAnAddressOrCoversEveryAddress(String entry) {
		assertThatThrownBy(() -> fail2ban.unban(List.of("192.0.2.1", entry))).isInstanceOf(InvalidValueException.class);
		assertThatThrownBy(() -> fail2ban.unban("sshd", List.of(entry))).isInstanceOf(InvalidValueException.class);
		assertThatThrownBy(() -> fail2ban.unban("-x", List.of("192.0.2.1"))).isInstanceOf(InvalidValueException.class);
		verifyNoInteractions(runner);
	}

	@Test
	void findsWhereTargetsAreBannedInOneRun() {
		when(runner.run(anyList())).thenReturn(ok(PythonLiteralTests.BANNED));

		Map<BanTarget, List<HeldBan>> bans = fail2ban
			.whereBanned(targets("192.0.2.1", "2001:DB8::6", "198.51.100.0/24", "192.0.2.99"));

		assertThat(bans.keySet()).containsExactlyElementsOf(
				targets("192.0.2.1", "2001:db8::6", "198.51.100.0/24", "192.0.2.99"));
		assertThat(bans.get(BanTarget.parse("192.0.2.1"))).extracting(HeldBan::jail).containsExactly("sshd", "apache");
		assertThat(bans.get(BanTarget.parse("2001:db8::6"))).extracting(HeldBan::jail).containsExactly("sshd");
		assertThat(bans.get(BanTarget.parse("198.51.100.0/24"))).containsExactly(
				new HeldBan("apache", "198.51.100.0/24", HeldBan.Overlap.OWN));
		assertThat(bans.get(BanTarget.parse("192.0.2.99"))).isEmpty();
		verify(runner).run(command("banned"));
	}

	/** Entries a jail holds that are no address (here, banned by hand) concern no target and are never named. */
	@Test
	void leavesOutEntriesThatAreNoAddress() {
		when(runner.run(anyList())).thenReturn(ok("[{'sasl': ['-all', \"it's\", '192.0.2.1']}]"));

		assertThat(fail2ban.whereBanned(targets("192.0.0.0/8")).get(BanTarget.parse("192.0.0.0/8")))
			.containsExactly(new HeldBan("sasl", "192.0.2.1", HeldBan.Overlap.INSIDE));
	}

	@Test
	void readsTheStatusOfAllJailsInOnePlusTwoRunsPerJail() {
		when(runner.run(command("status"))).thenReturn(ok("Status\n|- Number of jail:\t2\n`- Jail list:\tmxcp, sshd\n"));
		when(runner.run(command("get", "mxcp", "bantime"))).thenReturn(ok("3600\n"));
		when(runner.run(command("get", "sshd", "bantime"))).thenReturn(ok("43200\n"));
		when(runner.run(command("status", "mxcp", "short"))).thenReturn(ok(Fail2banOutputTests.STATUS_APACHE_SHORT));
		when(runner.run(command("status", "sshd", "short"))).thenReturn(ok(Fail2banOutputTests.STATUS_APACHE_SHORT));

		assertThat(fail2ban.statusOfAllJails()).extracting(JailStatus::name, JailStatus::banTime)
			.containsExactly(tuple("mxcp", Duration.ofHours(1)),
					tuple("sshd", Duration.ofHours(12)));
		verify(runner, times(5)).run(anyList());
	}

	@Test
	void passesOnTheReadableErrorOfAJailReadAlongsideOthers() {
		when(runner.run(command("status"))).thenReturn(ok("Status\n|- Number of jail:\t2\n`- Jail list:\tmxcp, sshd\n"));
		when(runner.run(command("get", "mxcp", "bantime"))).thenReturn(ok("3600\n"));
		when(runner.run(command("status", "mxcp", "short"))).thenReturn(ok(Fail2banOutputTests.STATUS_APACHE_SHORT));
		when(runner.run(command("get", "sshd", "bantime")))
			.thenThrow(new CommandException(CommandException.Reason.TIMEOUT,
					Explanation.of("command.timeout", "fail2ban-client", 10_000)));

		assertThatThrownBy(() -> fail2ban.statusOfAllJails()).isInstanceOfSatisfying(Fail2banException.class,
				ex -> assertThat(ex.reason()).isEqualTo(Fail2banException.Reason.UNREACHABLE));
	}

	@ParameterizedTest
	@ValueSource(strings = { "-x", "--all", "sshd;id", "ss hd", "$(id)", "../sshd", "sshd\n", "", "'sshd'" })
	void neverRunsAnythingForAnInvalidJailName(String jail) {
		assertThatThrownBy(() -> fail2ban.bans(jail)).isInstanceOfSatisfying(InvalidValueException.class,
				ex -> assertThat(ex.code()).isEqualTo("invalid.jail.name"));
		assertThatThrownBy(() -> fail2ban.status(jail)).isInstanceOf(InvalidValueException.class);
		verifyNoInteractions(runner);
	}

	@Test
	void tellsAMissingServerFromARefusal() {
		// stderr of fail2ban-client 1.0.2 with no server behind the socket path
		when(runner.run(anyList())).thenReturn(failed(
				"2026-11-25 11:06:46,357 fail2ban                [6268]: ERROR   Failed to access socket path: /run/fail2ban/fail2ban.sock. Is fail2ban running?\n"));

		assertJailsFail(Fail2banException.Reason.UNREACHABLE,
				"fail2ban is not running (no socket at /run/fail2ban/fail2ban.sock)");
	}

	@Test
	void reportsASocketThePanelMayNotUse() {
		// stderr of fail2ban-client 1.0.2 run as nobody against root's socket
		when(runner.run(anyList())).thenReturn(failed(
				"2026-11-25 11:39:40,959 fail2ban                [30697]: ERROR   Permission denied to socket: /run/fail2ban/fail2ban.sock, (you must be root)\n"));

		assertJailsFail(Fail2banException.Reason.NOT_RUNNABLE, "the panel may not use fail2ban's socket: "
				+ "Permission denied to socket: /run/fail2ban/fail2ban.sock, (you must be root)");
	}

	@Test
	void reportsARefusalWithoutAnAnswerByItsLoggedErrorOnly() {
		when(runner.run(anyList())).thenReturn(failed(
				"2026-11-25 11:06:15,436 fail2ban.configreader   [5196]: WARNING 'allowipv6' not defined in 'Definition'.\n"
						+ "2026-11-25 11:06:31,499 fail2ban                [6073]: ERROR   NOK: (\"not banned: ['1.1.1.1']\",)\n"
						+ "Traceback (most recent call last):\n  File \"x.py\", line 1\n"));

		assertJailsFail(Fail2banException.Reason.REFUSED, "fail2ban refused: not banned: ['1.1.1.1']");
	}

	@Test
	void saysWhenTheServerIsTooOldToLookUpBans() {
		// captured from fail2ban 1.0.2 for "fail2ban-client nosuchcommand": a server without "banned" answers so
		when(runner.run(anyList())).thenReturn(new CommandResult(255, "Invalid command\n",
				"2026-11-25 11:43:37,788 fail2ban                [10710]: ERROR   NOK: ('Invalid command',)\n", false));

		assertThatThrownBy(() -> fail2ban.whereBanned(targets("192.0.2.1"))).hasMessage(
				"this fail2ban is too old: looking up bans needs fail2ban 0.11.2 or later (fail2ban refused: Invalid command)");
	}

	@Test
	void turnsRunnerFailuresIntoReadableReasons() {
		assertTranslated(CommandException.Reason.TIMEOUT, Explanation.of("command.timeout", "fail2ban-client", 10_000),
				Fail2banException.Reason.UNREACHABLE,
				"fail2ban is not answering (the server may be hung): fail2ban-client did not answer within 10000 ms and was stopped");
		assertTranslated(CommandException.Reason.SUDO_REFUSED,
				Explanation.of("command.sudoRefused", "/usr/bin/fail2ban-client", "sudo: a password is required"),
				Fail2banException.Reason.NOT_RUNNABLE,
				"sudo refused to run /usr/bin/fail2ban-client: sudo: a password is required");
		assertTranslated(CommandException.Reason.NOT_FOUND, Explanation.of("command.notFound", "sudo"),
				Fail2banException.Reason.NOT_RUNNABLE, "cannot run sudo: no such executable program");
	}

	@Test
	void reportsOutputItCannotReadAsARefusal() {
		when(runner.run(anyList())).thenReturn(ok("[{'sshd': ['192.0.2.1']"));

		assertThatThrownBy(() -> fail2ban.whereBanned(targets("192.0.2.1")))
			.isInstanceOfSatisfying(Fail2banException.class,
					ex -> assertThat(ex.reason()).isEqualTo(Fail2banException.Reason.REFUSED))
			.hasMessageStartingWith(
					"fail2ban answered something the panel cannot read: not a Python literal at character ");
	}

	private void assertTranslated(CommandException.Reason reason, Explanation message, Fail2banException.Reason expected,
			String expectedMessage) {
		doThrow(new CommandException(reason, message)).when(runner).run(anyList());

		assertJailsFail(expected, expectedMessage);
	}

	private void assertJailsFail(Fail2banException.Reason reason, String message) {
		assertThatThrownBy(fail2ban::jails).isInstanceOfSatisfying(Fail2banException.class, ex -> {
			assertThat(ex.reason()).isEqualTo(reason);
			assertThat(ex.getMessage()).isEqualTo(message);
		});
	}

	private static List<String> command(String... words) {
		List<String> command = new ArrayList<>(PREFIX);
		command.add("--");
		command.addAll(List.of(words));
		return command;
	}

	private static List<BanTarget> targets(String... values) {
		return Arrays.stream(values).map(BanTarget::parse).toList();
	}

	/** How fail2ban-client ends when it could not do the command: exit 255, its log lines on stderr. */
	private static CommandResult failed(String stderr) {
		return new CommandResult(255, "", stderr, false);
	}

}
