package org.unbanpanel.sudo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unbanpanel.exec.CommandRunner;
import org.unbanpanel.exec.CommandRunners;
import org.unbanpanel.fail2ban.BanTarget;
import org.unbanpanel.fail2ban.Fail2ban;
import org.unbanpanel.fail2ban.Fail2banAdapters;
import org.unbanpanel.fail2ban.UnbanOutcome;
import org.unbanpanel.pam.AccountLockAdapters;
import org.unbanpanel.pam.AccountLocks;
import org.unbanpanel.pam.AccountName;
import org.unbanpanel.testsupport.ProgramRun;
import org.unbanpanel.testsupport.Fail2banServer;
import org.unbanpanel.testsupport.PamLockout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unbanpanel.sudo.PrivateSudoers.FAIL2BAN_CLIENT;
import static org.unbanpanel.sudo.PrivateSudoers.FAILLOCK;
import static org.unbanpanel.sudo.PrivateSudoers.PAM_TALLY2;

/**
 * The shipped sudoers rules, installed for the system user {@code unban-panel} (see {@link PrivateSudoers}): the
 * adapters work as that user through {@code sudo -n}, and sudo itself refuses every command the panel must never be
 * able to run, which then leaves fail2ban, the account locks and the machine as they were. Root only.
 */
class SudoersIntegrationTests {

	private static Fail2banServer fail2ban;

	private static PamLockout pam;

	private static PrivateSudoers sudoers;

	private final CommandRunner runner = CommandRunners.real(Duration.ofSeconds(30));

	@BeforeAll
	static void installRules() {
		fail2ban = Fail2banServer.start();
		pam = PamLockout.create();
		sudoers = PrivateSudoers.install(fail2ban.command(), pam.tallyDir());
	}

	@AfterAll
	static void removeRules() {
		if (sudoers != null) {
			sudoers.close();
		}
		if (pam != null) {
			pam.close();
		}
		if (fail2ban != null) {
			fail2ban.close();
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
		fail2ban.ban("dovecot", "203.0.113.7", "2001:db8::/64");
		BanTarget address = BanTarget.parse("203.0.113.7");
		BanTarget network = BanTarget.parse("2001:db8::/64");

		assertThat(adapter.version()).matches("\\d+\\.\\d+\\.\\d+.*");
		assertThat(adapter.jails()).containsExactlyInAnyOrderElementsOf(Fail2banServer.JAILS);
		assertThat(adapter.status("sshd").banTime()).isEqualTo(Duration.ofHours(12));
		assertThat(adapter.bans("dovecot")).hasSize(2);
		assertThat(adapter.whereBanned(List.of(address)).get(address)).containsExactlyInAnyOrder("sshd", "dovecot");

		assertThat(adapter.unban(List.of(address, network))).extracting(UnbanOutcome::result)
			.containsOnly(UnbanOutcome.Result.UNBANNED);
		assertThat(fail2ban.bannedIn("sshd")).isEmpty();
		assertThat(fail2ban.bannedIn("dovecot")).isEmpty();
	}

	@Test
	void ignoreListCommandsRunThroughSudo() {
		assertThat(sudoers.run(FAIL2BAN_CLIENT, "--", "set", "sshd", "addignoreip", "198.51.100.0/24").exitCode())
			.isZero();
		assertThat(sudoers.run(FAIL2BAN_CLIENT, "--", "get", "sshd", "ignoreip").stdout()).contains("198.51.100.0/24");

		assertThat(sudoers.run(FAIL2BAN_CLIENT, "--", "set", "sshd", "delignoreip", "198.51.100.0/24").exitCode())
			.isZero();
		assertThat(fail2ban.client(List.of("get", "sshd", "ignoreip"))).doesNotContain("198.51.100.0/24");
		assertThat(sudoers.run(FAIL2BAN_CLIENT, "--", "set", "sshd", "addignoreip", "192.0.2.1", "2001:db8::1").exitCode())
			.as("a trust of several addresses is one run per jail")
			.isZero();
		assertThat(fail2ban.client(List.of("get", "sshd", "ignoreip"))).contains("192.0.2.1").contains("2001:db8::1");
		sudoers.run(FAIL2BAN_CLIENT, "--", "set", "sshd", "delignoreip", "192.0.2.1");
		sudoers.run(FAIL2BAN_CLIENT, "--", "set", "sshd", "delignoreip", "2001:db8::1");
		assertThat(sudoers.run(FAIL2BAN_CLIENT, "--", "ping").stdout()).contains("pong");
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

		SoftAssertions softly = new SoftAssertions();
		for (List<String> command : forbidden(sentinel)) {
			ProgramRun run = sudoers.sudo(command.toArray(String[]::new));
			softly.assertThat(run.exitCode()).as("exit code of %s", command).isEqualTo(1);
			softly.assertThat(run.stderr()).as("stderr of %s", command).startsWith("sudo: ");
			softly.assertThat(run.stdout()).as("stdout of %s", command).isEmpty();
		}
		softly.assertAll();

		assertThat(fail2banState()).isEqualTo(before);
		assertThat(pam.authenticate(pam.password())).as("the account is still locked").isFalse();
		assertThat(Files.exists(sudoers.sentinel())).as("no shell payload ran").isFalse();
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
		commands.add(List.of(FAIL2BAN_CLIENT, "--", "set", "sshd", "banip", "192.0.2.66"));
		commands.add(List.of(FAIL2BAN_CLIENT, "--", "set", "sshd", "unbanip", "192.0.2.1"));
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
		return commands.stream().map(command -> command.stream().map(sudoers::program).toList()).toList();
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
