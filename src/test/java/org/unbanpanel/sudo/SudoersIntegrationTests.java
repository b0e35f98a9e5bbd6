package org.unbanpanel.sudo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unbanpanel.core.AccountName;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.core.InvalidValueException;
import org.unbanpanel.exec.CommandRunner;
import org.unbanpanel.exec.CommandRunners;
import org.unbanpanel.fail2ban.Fail2ban;
import org.unbanpanel.fail2ban.Fail2banAdapters;
import org.unbanpanel.fail2ban.HeldBan;
import org.unbanpanel.fail2ban.JailRules;
import org.unbanpanel.fail2ban.JailSettings;
import org.unbanpanel.jobs.ReleaseRequest;
import org.unbanpanel.pam.AccountLockAdapters;
import org.unbanpanel.pam.AccountLocks;
import org.unbanpanel.testsupport.Fail2banServer;
import org.unbanpanel.testsupport.PamLockout;
import org.unbanpanel.demo.ProgramRun;
import org.unbanpanel.testsupport.RealTools;
import org.unbanpanel.testsupport.WithRealTools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unbanpanel.sudo.PrivateSudoers.FAIL2BAN_CLIENT;
import static org.unbanpanel.sudo.PrivateSudoers.FAILLOCK;
import static org.unbanpanel.sudo.PrivateSudoers.PAM_TALLY2;

/**
 * The shipped sudoers rules, installed for a stand-in of the system user {@code unban-panel} (see
 * {@link PrivateSudoers}): the adapters work as that user through {@code sudo -n}, and sudo itself refuses every
 * command the panel must never be able to run, which then leaves fail2ban, the account locks and the machine as they
 * were. Root only.
 */
@WithRealTools(pam = true)
class SudoersIntegrationTests {

	/**
	 * sudo's own refusals: a command no rule allows would need a password ({@code sudo -n} then says so), one the
	 * keyword rule denies is refused outright.
	 */
	private static final Pattern REFUSED_BY_SUDO = Pattern
		.compile("(sudo: |Sorry, user \\S+ is not allowed to execute ).*", Pattern.DOTALL);

	/** The commands the rules allow with a jail in them, as the adapter writes them. */
	private static final List<List<String>> JAIL_COMMANDS = List.of(List.of("--", "status", "JAIL", "short"),
			List.of("--", "get", "JAIL", "bantime"), List.of("--", "get", "JAIL", "banip", "--with-time"),
			List.of("--", "get", "JAIL", "ignoreip"), List.of("--", "set", "JAIL", "addignoreip", "192.0.2.1"),
			List.of("--", "set", "JAIL", "delignoreip", "192.0.2.1"), List.of("--", "set", "JAIL", "unbanip", "192.0.2.1"),
			List.of("--", "get", "JAIL", "maxretry"),
			List.of("--", "get", "JAIL", "findtime"), List.of("--", "get", "JAIL", "logpath"),
			List.of("--", "get", "JAIL", "journalmatch"), List.of("--", "get", "JAIL", "actions"),
			List.of("--", "get", "JAIL", "bantime.increment"), List.of("--", "get", "JAIL", "bantime.factor"),
			List.of("--", "get", "JAIL", "bantime.multipliers"), List.of("--", "get", "JAIL", "bantime.maxtime"));

	private static Fail2banServer fail2ban;

	private static PamLockout pam;

	private static PrivateSudoers sudoers;

	private final CommandRunner runner = CommandRunners.real(Duration.ofSeconds(30));

	@BeforeAll
	static void installRules(RealTools tools) {
		fail2ban = tools.fail2ban();
		pam = tools.pam();
		sudoers = PrivateSudoers.install(fail2ban.command(), pam.tallyDir());
	}

	@AfterAll
	static void removeRules() {
		if (sudoers != null) {
			sudoers.close();
		}
	}

	@AfterEach
	void releaseEverything() {
		fail2ban.unbanAll();
	}

	@Test
	void fail2banAdapterWorksThroughSudo() {
		Fail2ban adapter = Fail2banAdapters.over(runner, sudoers.asPanel(FAIL2BAN_CLIENT));
		fail2ban.ban("sshd", "203.0.113.7");
		// fail2ban prints the last two as ::1.2.3.4 and ::ffff:198.51.100.0/120, and unban names them so
		fail2ban.ban("dovecot", "203.0.113.7", "2001:db8::/64", "::102:304", "::ffff:198.51.100.0/120");
		BanTarget address = BanTarget.parse("203.0.113.7");
		BanTarget network = BanTarget.parse("2001:db8::/64");
		BanTarget compatible = BanTarget.parse("::102:304");
		BanTarget mapped = BanTarget.parse("::ffff:198.51.100.0/120");

		assertThat(adapter.version()).matches("\\d+\\.\\d+\\.\\d+.*");
		assertThat(adapter.jails()).containsExactlyInAnyOrderElementsOf(Fail2banServer.JAILS);
		assertThat(adapter.status("sshd").banTime()).isEqualTo(Duration.ofHours(12));
		assertThat(adapter.bans("dovecot")).hasSize(4);
		assertThat(adapter.whereBanned(List.of(address)).get(address)).extracting(HeldBan::jail)
			.containsExactlyInAnyOrder("sshd", "dovecot");

		List<String> held = Fail2banAdapters.entriesToRelease(adapter, List.of(address, network, compatible, mapped));
		assertThat(held).containsExactly("203.0.113.7", "2001:db8::/64", "::1.2.3.4", "::ffff:198.51.100.0/120");

		assertThat(adapter.unban("dovecot", held).refusal()).as("from one jail only").isEmpty();
		assertThat(fail2ban.bannedIn("dovecot")).isEmpty();
		assertThat(fail2ban.bannedIn("sshd")).containsExactly("203.0.113.7");
		assertThat(adapter.unban(held).refusal()).as("from every jail").isEmpty();
		assertThat(fail2ban.bannedIn("sshd")).isEmpty();
	}

	/** A jail's rules and sources and fail2ban's log target, for the rules page and the evidence behind bans. */
	@Test
	void jailSettingsAreReadThroughSudo() {
		JailSettings settings = Fail2banAdapters.settingsOver(runner, sudoers.asPanel(FAIL2BAN_CLIENT));
		fail2ban.client(List.of("set", "mxcp", "bantime.increment", "true"));
		fail2ban.client(List.of("set", "mxcp", "bantime.maxtime", "1w"));

		JailRules rules = settings.rules("mxcp");

		assertThat(rules.maxRetry()).isEqualTo(Fail2banServer.MAX_RETRY);
		assertThat(rules.findTime()).isEqualTo(Duration.ofMinutes(10));
		assertThat(rules.increment()).isEqualTo(new JailRules.Increment(null, null, Duration.ofDays(7)));
		assertThat(rules.sources().files()).containsExactly(fail2ban.logFile("mxcp").toString());
		assertThat(rules.actions()).containsExactly("dummy");
		assertThat(settings.logSources("sshd").files()).containsExactly(fail2ban.logFile("sshd").toString());
		assertThat(settings.logTarget()).endsWith("fail2ban.log");
		assertThat(sudoers.allows(FAIL2BAN_CLIENT, List.of("--", "get", "sshd", "journalmatch")))
			.as("the journal match a systemd jail is read by").isTrue();
	}

	@Test
	void ignoreListCommandsRunThroughSudo() {
		Fail2ban adapter = Fail2banAdapters.over(runner, sudoers.asPanel(FAIL2BAN_CLIENT));
		List<String> values = List.of("198.51.100.0/24", "2001:db8::1", "::ffff:192.0.2.0/120");
		List<BanTarget> trusted = values.stream().map(BanTarget::parse).toList();

		adapter.addIgnore(List.of("sshd", "sasl"), trusted);
		assertThat(adapter.ignored("sshd")).as("one run per jail for the whole trust").containsAll(values);
		assertThat(adapter.ignored("sasl")).containsAll(values);

		adapter.removeIgnore(List.of("sshd", "sasl"), trusted);
		assertThat(fail2ban.ignoredIn("sshd")).doesNotContainAnyElementsOf(values);
		assertThat(fail2ban.ignoredIn("sasl")).doesNotContainAnyElementsOf(values);
	}

	@Test
	void faillockAdapterWorksThroughSudoWithTheShippedDirectoryAndWithout() {
		AccountName user = AccountName.parse(pam.user());
		AccountLocks withDir = AccountLockAdapters.faillock(runner, sudoers.asPanel(FAILLOCK),
				Path.of("/var/run/faillock"));
		AccountLocks withoutDir = AccountLockAdapters.faillock(runner, sudoers.asPanel(FAILLOCK), null);
		pam.lockOut();

		assertThat(withoutDir.status(user).failures()).isEqualTo(PamLockout.DENY);
		assertThat(withDir.all()).extracting(record -> record.user()).contains(pam.user());
		assertThat(withDir.reset(user).failures()).isEqualTo(PamLockout.DENY);

		assertThat(pam.authenticate(pam.password())).as("unlocked through sudo").isTrue();
	}

	@Test
	void pamTally2RulesAllowTheAdaptersForms() {
		Stream.of(new String[] {}, new String[] { "--file", "/var/log/tallylog" }, new String[] { "--user", "bob" },
				new String[] { "--file", "/var/log/tallylog", "--user", "bob", "--reset" })
			.forEach(arguments -> assertThat(sudoers.run(PAM_TALLY2, arguments).stdout())
				.isEqualTo("pam_tally2 " + String.join(" ", arguments) + "\n"));
	}

	@Test
	void sudoRefusesEveryForbiddenCommandAndNothingChanges() {
		fail2ban.ban("sshd", "192.0.2.1", "192.0.2.2");
		pam.lockOut();
		Map<String, String> before = fail2banState();
		String sentinel = sudoers.sentinel().toString();

		assertSudoRefuses(forbidden(sentinel));

		assertThat(fail2banState()).isEqualTo(before);
		assertThat(pam.authenticate(pam.password())).as("the account is still locked").isFalse();
		assertThat(Files.exists(sudoers.sentinel())).as("no shell payload ran").isFalse();
	}

	/**
	 * A global setting's name where a jail belongs, as the red team sent it: with the old rules the first one switched
	 * fail2ban's log to a new file {@code /addignoreip}.
	 */
	@Test
	void globalSettingsCannotTakeAJailsPlace() {
		Map<String, String> before = globalSettings();
		List<List<String>> commands = new ArrayList<>();
		for (String setting : List.of("logtarget", "syslogsocket", "allowipv6", "dbpurgeage", "dbfile", "dbmaxmatches",
				"loglevel", "thread")) {
			commands.add(List.of(FAIL2BAN_CLIENT, "--", "set", setting, "addignoreip", "1.2.3.4"));
			commands.add(List.of(FAIL2BAN_CLIENT, "--", "set", setting, "delignoreip", "1.2.3.4"));
			commands.add(List.of(FAIL2BAN_CLIENT, "--", "set", setting, "unbanip", "1.2.3.4"));
			commands.add(List.of(FAIL2BAN_CLIENT, "--", "get", setting, "ignoreip"));
		}

		assertSudoRefuses(commands);

		assertThat(globalSettings()).isEqualTo(before);
	}

	/**
	 * Every word fail2ban's installed {@code protocol.py} and {@code transmitter.py} know, in the jail's place of every
	 * command with a jail; real jails and names that merely contain a keyword still pass.
	 */
	@Test
	void noFail2banKeywordIsAcceptedAsAJail() {
		Set<String> protocol = Fail2banKeywords.ofInstalledProtocol();
		Set<String> transmitter = Fail2banKeywords.ofInstalledTransmitter();
		assertThat(protocol).as("the keywords read from " + Fail2banKeywords.PROTOCOL)
			.contains("logtarget", "syslogsocket", "dbpurgeage");
		assertThat(transmitter).as("the keywords read from " + Fail2banKeywords.TRANSMITTER).isNotEmpty();

		SoftAssertions softly = new SoftAssertions();
		Stream.concat(protocol.stream(), transmitter.stream()).distinct().forEach(keyword -> jailCommands(keyword)
			.forEach(command -> softly.assertThat(sudoers.allows(FAIL2BAN_CLIENT, command)).as("%s", command).isFalse()));
		Stream.concat(Fail2banServer.JAILS.stream(), Stream.of("loglevel2", "mystart", "start-x", "banned.old"))
			.forEach(jail -> jailCommands(jail)
				.forEach(command -> softly.assertThat(sudoers.allows(FAIL2BAN_CLIENT, command)).as("%s", command).isTrue()));
		softly.assertAll();
	}

	/** The catch-alls in every spelling fail2ban reads as one, in the four commands that take addresses. */
	@Test
	void catchAllNetworksAreRefusedInUnbanAndInTheIgnoreLists() {
		fail2ban.ban("sshd", "192.0.2.1", "198.51.100.7");
		fail2ban.ban("dovecot", "2001:db8::7");
		Map<String, String> before = fail2banState();
		List<List<String>> commands = new ArrayList<>();
		for (String everything : List.of("0.0.0.0/0", "::/0", "0.0.0.0/00", "::/000", "0::0/0", "0:0:0:0:0:0:0:0/0",
				"192.0.2.0/0", "::ffff:0.0.0.0/0", "0.0.0.0/0.0.0.0", "::/::")) {
			commands.add(List.of(FAIL2BAN_CLIENT, "--", "unban", everything));
			commands.add(List.of(FAIL2BAN_CLIENT, "--", "set", "sshd", "addignoreip", everything));
			commands.add(List.of(FAIL2BAN_CLIENT, "--", "set", "sshd", "delignoreip", everything));
			commands.add(List.of(FAIL2BAN_CLIENT, "--", "set", "sshd", "unbanip", everything));
		}
		commands.add(List.of(FAIL2BAN_CLIENT, "--", "unban", "192.0.2.1", "::/0"));
		commands.add(List.of(FAIL2BAN_CLIENT, "--", "set", "sshd", "unbanip", "192.0.2.1", "0.0.0.0/0"));
		commands.add(List.of(FAIL2BAN_CLIENT, "--", "set", "sshd", "addignoreip", "192.0.2.9", "0.0.0.0/0"));

		assertSudoRefuses(commands);

		assertThat(fail2banState()).isEqualTo(before);
	}

	/**
	 * Values the panel never sends and fail2ban reads as something else: a host name it looks up in DNS, an integer
	 * or octal it may resolve, a prefix beyond the family's width or with a leading zero, a mask, upper-case hex.
	 */
	@Test
	void addressesThePanelNeverWritesAreRefused() {
		fail2ban.ban("sshd", "192.0.2.1");
		Map<String, String> before = fail2banState();
		List<List<String>> commands = new ArrayList<>();
		for (String value : List.of("dead.beef.cafe", "cafe", "3221226034", "192.168.010.1", "127.1", "192.0.2.1/33",
				"2001:db8::/129", "192.0.2.0/024", "192.0.2.0/255.255.255.0", "2001:DB8::1", "[2001:db8::1]",
				"192.0.2.256", "1:2:3:4:5:6:7:8:9")) {
			commands.add(List.of(FAIL2BAN_CLIENT, "--", "unban", value));
			commands.add(List.of(FAIL2BAN_CLIENT, "--", "set", "sshd", "addignoreip", value));
			commands.add(List.of(FAIL2BAN_CLIENT, "--", "set", "sshd", "delignoreip", value));
			commands.add(List.of(FAIL2BAN_CLIENT, "--", "set", "sshd", "unbanip", value));
		}

		assertSudoRefuses(commands);

		assertThat(fail2banState()).isEqualTo(before);
	}

	/**
	 * The width at the root boundary is the panel's own: {@code unban}, {@code set <jail> unbanip},
	 * {@code addignoreip} and {@code delignoreip} pass a network exactly when the panel may release it ({@link ReleaseRequest#releasable}; only released addresses
	 * are ever trusted), for every prefix length of both families and of IPv4-mapped addresses, in the panel's
	 * canonical text.
	 */
	@Test
	void theRootBoundaryAllowsEveryPrefixThePanelReleasesAndNoWiderOne() {
		List<String> networks = Stream
			.of(prefixes("203.0.113.77", 32), prefixes("2001:db8:85a3:8d3:1319:8a2e:370:7348", 128),
					prefixes("::ffff:203.0.113.77", 128).filter(value -> value.contains(".")))
			.flatMap(values -> values)
			.toList();

		SoftAssertions softly = new SoftAssertions();
		for (String network : networks) {
			boolean released = releasable(network);
			for (List<String> command : List.of(List.of("--", "unban", network),
					List.of("--", "set", "sshd", "unbanip", network), List.of("--", "set", "sshd", "addignoreip", network),
					List.of("--", "set", "sshd", "delignoreip", network))) {
				softly.assertThat(sudoers.allows(FAIL2BAN_CLIENT, command)).as("%s", command).isEqualTo(released);
			}
		}
		softly.assertAll();
		assertThat(networks).as("what the panel refuses").filteredOn(value -> !releasable(value))
			.contains("0.0.0.0/0", "::/0");
	}

	@Test
	void noEnvironmentVariableReachesThePrograms() {
		String wrapper = sudoers.program(FAIL2BAN_CLIENT);
		String pythonPath = "PYTHONPATH=" + sudoers.pythonPath();

		for (List<String> command : List.of(List.of("-E", wrapper, "--", "version"),
				List.of("--preserve-env=PYTHONPATH", wrapper, "--", "version"),
				List.of(pythonPath, wrapper, "--", "version"))) {
			ProgramRun run = sudoers.sudoWithPythonPath(command.toArray(String[]::new));
			assertThat(run.exitCode()).as("exit code of %s", command).isEqualTo(1);
			assertThat(run.stderr()).as("stderr of %s", command).startsWith("sudo: ");
		}
		assertThat(sudoers.sudoWithPythonPath(wrapper, "--", "version").exitCode())
			.as("allowed, with a clean environment")
			.isZero();

		assertThat(Files.exists(sudoers.sentinel())).as("fail2ban-client never loaded the planted module").isFalse();
	}

	/**
	 * The commands of the issue and their neighbours, as handed to {@code sudo -n}; the three programs the rules name
	 * stand for the installed wrappers.
	 */
	private static List<List<String>> forbidden(String sentinel) {
		List<List<String>> commands = new ArrayList<>();
		commands.add(List.of(FAIL2BAN_CLIENT, "stop"));
		commands.add(List.of(FAIL2BAN_CLIENT, "--", "stop"));
		commands.add(List.of(FAIL2BAN_CLIENT, "--", "reload"));
		commands.add(List.of(FAIL2BAN_CLIENT, "--", "ping"));
		commands.add(List.of(FAIL2BAN_CLIENT, "--", "set", "sshd", "banip", "192.0.2.66"));
		commands.add(List.of(FAIL2BAN_CLIENT, "--", "set", "sshd", "unbanip"));
		commands.add(List.of(FAIL2BAN_CLIENT, "--", "set", "sshd", "unbanip", "--report-absent", "192.0.2.1"));
		commands.add(List.of(FAIL2BAN_CLIENT, "--", "set", "sshd", "unbanip", "192.0.2.1", "--all"));
		commands.add(List.of(FAIL2BAN_CLIENT, "--", "set", "sshd", "unbanip", "192.0.2.1 --all"));
		commands.add(List.of(FAIL2BAN_CLIENT, "--", "set", "sshd", "unbanip", "192.0.2.1;touch " + sentinel));
		commands.add(List.of(FAIL2BAN_CLIENT, "--", "set", "-sshd", "unbanip", "192.0.2.1"));
		commands.add(List.of(FAIL2BAN_CLIENT, "--", "set", "sshd", "unbanip", "192.0.2.1", "extra", "192.0.2.2"));
		commands.add(List.of(FAIL2BAN_CLIENT, "--", "set", "sshd", "action", "dummy", "actionban", "touch " + sentinel,
				"unbanip", "192.0.2.1"));
		commands.add(List.of(FAIL2BAN_CLIENT, "--", "set", "sshd", "bantime", "1"));
		commands.add(List.of(FAIL2BAN_CLIENT, "--", "unban", "--all"));
		commands.add(List.of(FAIL2BAN_CLIENT, "--", "unban", "192.0.2.1", "--all"));
		commands.add(List.of(FAIL2BAN_CLIENT, "--", "unban", "192.0.2.1 --all"));
		commands.add(List.of(FAIL2BAN_CLIENT, "--", "unban", "192.0.2.1;touch " + sentinel));
		commands.add(List.of(FAIL2BAN_CLIENT, "--", "unban", "$(touch " + sentinel + ")"));
		commands.add(List.of(FAIL2BAN_CLIENT, "--", "unban", "`id`"));
		commands.add(List.of(FAIL2BAN_CLIENT, "--", "version", "extra"));
		commands.add(List.of(FAIL2BAN_CLIENT, "--", "get", "sshd", "bantime", "extra"));
		commands.add(List.of(FAIL2BAN_CLIENT, "--", "get", "sshd", "action", "dummy", "actionban"));
		commands.add(List.of(FAIL2BAN_CLIENT, "--", "get", "sshd", "actionproperties", "dummy"));
		commands.add(List.of(FAIL2BAN_CLIENT, "--", "get", "sshd", "failregex"));
		commands.add(List.of(FAIL2BAN_CLIENT, "--", "get", "sshd", "logpath", "extra"));
		commands.add(List.of(FAIL2BAN_CLIENT, "--", "get", "sshd", "bantime.increment", "true"));
		commands.add(List.of(FAIL2BAN_CLIENT, "--", "get", "sshd", "bantime.rndtime"));
		commands.add(List.of(FAIL2BAN_CLIENT, "--", "get", "sshd", "bantimeXincrement"));
		commands.add(List.of(FAIL2BAN_CLIENT, "--", "set", "sshd", "bantime.increment", "false"));
		commands.add(List.of(FAIL2BAN_CLIENT, "--", "set", "sshd", "maxretry", "1000"));
		commands.add(List.of(FAIL2BAN_CLIENT, "--", "set", "sshd", "addlogpath", "/etc/shadow"));
		commands.add(List.of(FAIL2BAN_CLIENT, "--", "get", "logtarget", "extra"));
		commands.add(List.of(FAIL2BAN_CLIENT, "--", "get", "dbfile"));
		commands.add(List.of(FAIL2BAN_CLIENT, "--", "get", "loglevel"));
		commands.add(List.of(FAIL2BAN_CLIENT, "--", "set", "logtarget", "/tmp/x"));
		commands.add(List.of(FAIL2BAN_CLIENT, "--", "status", "logtarget"));
		commands.add(List.of(FAIL2BAN_CLIENT, "--", "status", "sshd", "cymru"));
		commands.add(List.of(FAIL2BAN_CLIENT, "--", "status", "-sshd", "short"));
		commands.add(List.of(FAIL2BAN_CLIENT, "--", "set", "sshd", "addignoreip", "0.0.0.0/0 --x"));
		commands.add(List.of(FAIL2BAN_CLIENT, "-c", "/tmp", "--", "version"));
		commands.add(List.of(FAIL2BAN_CLIENT, "-i"));
		commands.add(List.of(FAIL2BAN_CLIENT, "version"));
		commands.add(List.of(FAILLOCK, "--reset"));
		commands.add(List.of(FAILLOCK, "--user", "root", "--reset", "--dir", "/tmp/x"));
		commands.add(List.of(FAILLOCK, "--dir", "/tmp/x", "--user", "root", "--reset"));
		commands.add(List.of(FAILLOCK, "--user", "root", "--reset", "extra"));
		commands.add(List.of(FAILLOCK, "--user", "../etc/passwd"));
		commands.add(List.of(FAILLOCK, "--user", "root;id"));
		commands.add(List.of(FAILLOCK, "--user", "Root"));
		commands.add(List.of(PAM_TALLY2, "--reset"));
		commands.add(List.of(PAM_TALLY2, "--file", "/etc/shadow", "--user", "root", "--reset"));
		commands.add(List.of("/bin/sh", "-c", "touch " + sentinel));
		commands.add(List.of("/usr/bin/env", FAIL2BAN_CLIENT, "--", "version"));
		commands.add(List.of("-s", "touch " + sentinel));
		commands.add(List.of("-i"));
		commands.add(List.of("-u", "nobody", FAIL2BAN_CLIENT, "--", "version"));
		commands.add(List.of("-D", "/tmp", FAIL2BAN_CLIENT, "--", "version"));
		commands.add(List.of("-e", "/etc/fail2ban/jail.local"));
		return commands;
	}

	/**
	 * Runs each command through {@code sudo -n} as the panel's user, the three programs the rules name standing for
	 * their wrappers, and expects sudo itself to refuse every one.
	 */
	private static void assertSudoRefuses(List<List<String>> commands) {
		SoftAssertions softly = new SoftAssertions();
		for (List<String> command : commands) {
			ProgramRun run = sudoers.sudo(command.stream().map(sudoers::program).toArray(String[]::new));
			softly.assertThat(run.exitCode()).as("exit code of %s", command).isEqualTo(1);
			softly.assertThat(run.stderr()).as("stderr of %s", command).matches(REFUSED_BY_SUDO);
			softly.assertThat(run.stdout()).as("stdout of %s", command).isEmpty();
		}
		softly.assertAll();
	}

	private static List<List<String>> jailCommands(String jail) {
		return JAIL_COMMANDS.stream()
			.map(command -> command.stream().map(word -> word.equals("JAIL") ? jail : word).toList())
			.toList();
	}

	/** The address as a network of every prefix length from 0 to {@code bits}, in the panel's canonical text. */
	private static Stream<String> prefixes(String address, int bits) {
		return IntStream.rangeClosed(0, bits).mapToObj(prefix -> BanTarget.parse(address + "/" + prefix).value());
	}

	private static boolean releasable(String value) {
		try {
			ReleaseRequest.releasable(value);
			return true;
		}
		catch (InvalidValueException ex) {
			return false;
		}
	}

	/** fail2ban's own settings, which a global setting's name in a jail's place would change. */
	private static Map<String, String> globalSettings() {
		return Map.of("logtarget", fail2ban.client(List.of("get", "logtarget")), //
				"syslogsocket", fail2ban.client(List.of("get", "syslogsocket")), //
				"dbfile", fail2ban.client(List.of("get", "dbfile")), //
				"dbpurgeage", fail2ban.client(List.of("get", "dbpurgeage")), //
				"dbmaxmatches", fail2ban.client(List.of("get", "dbmaxmatches")), //
				"loglevel", fail2ban.client(List.of("get", "loglevel")), //
				"thread", fail2ban.client(List.of("get", "thread")));
	}

	/** What a forbidden command could change: bans, jails, the sshd jail's settings and its ban action. */
	private static Map<String, String> fail2banState() {
		return Map.of("banned", fail2ban.client(List.of("banned")), //
				"jails", fail2ban.client(List.of("status")), //
				"ignoreip", fail2ban.client(List.of("get", "sshd", "ignoreip")), //
				"bantime", fail2ban.client(List.of("get", "sshd", "bantime")), //
				"actions", fail2ban.client(List.of("get", "sshd", "actions")), //
				"actionban", fail2ban.client(List.of("get", "sshd", "action", "dummy", "actionban")));
	}

}
