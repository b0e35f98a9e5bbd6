package org.unbanpanel.pam;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.exec.CommandException;
import org.unbanpanel.exec.CommandResult;
import org.unbanpanel.exec.CommandRunner;
import org.unbanpanel.hosts.Host;
import org.unbanpanel.hosts.HostName;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/** Another host's lock policy, read there with {@code cat} as the panel's account, without sudo. */
class LockPoliciesOnHostTests {

	private static final LockPolicyProperties DEBIAN = new LockPolicyProperties("sshd", Path.of("/etc/pam.d"),
			Path.of("/etc/security/faillock.conf"));

	private final List<List<String>> ran = new ArrayList<>();

	private final AccountLocks mailLocks = mock(AccountLocks.class);

	private final LockPolicies policies = new LockPolicies(mock(AccountLocks.class), DEBIAN);

	LockPoliciesOnHostTests() {
		given(mailLocks.backend()).willReturn("faillock");
	}

	@Test
	void readsTheHostsStackThroughItsIncludesAndItsFaillockConfWithCat() {
		Host mail = mail(files(Map.of("/etc/pam.d/sshd", "@include common-auth\n", "/etc/pam.d/common-auth",
				LockPolicyTests.COMMON_AUTH, "/etc/security/faillock.conf", "deny = 5\nunlock_time = 900\n")));

		LockPolicy policy = policies.on(mail, mailLocks);

		assertThat(policy).extracting(LockPolicy::deny, LockPolicy::unlockTime)
			.containsExactly(5, Duration.ofMinutes(15));
		assertThat(ran).containsExactly(List.of("cat", "--", "/etc/pam.d/sshd"),
				List.of("cat", "--", "/etc/pam.d/common-auth"), List.of("cat", "--", "/etc/security/faillock.conf"));
	}

	@Test
	void takesAMissingFaillockConfAsPamFaillocksDefaults() {
		Host mail = mail(files(Map.of("/etc/pam.d/sshd", LockPolicyTests.COMMON_AUTH)));

		assertThat(policies.on(mail, mailLocks)).extracting(LockPolicy::deny, LockPolicy::unlockTime)
			.containsExactly(3, Duration.ofMinutes(10));
	}

	@Test
	void refusesAFileNameThatIsNotAPlainAbsolutePathBeforeRunningAnything() {
		Host mail = mail(files(Map.of()));

		for (String name : List.of("common-auth", "/etc/pam.d/x\u0007")) {
			assertThatExceptionOfType(AccountLockException.class)
				.isThrownBy(() -> LockPolicies.readOn(mail, Path.of(name)))
				.satisfies(ex -> assertThat(ex.reason()).isEqualTo(AccountLockException.Reason.FAILED));
		}
		assertThat(ran).isEmpty();
	}

	@Test
	void takesAnIncludeThatIsNoPathOrAFileTooLongToReadAsAnUnreadablePolicy() {
		Host nul = mail(files(Map.of("/etc/pam.d/sshd", "@include common\u0000auth\n")));
		Host tooLong = mail((command, extraTime) -> new CommandResult(0, "auth required pam_unix.so\n", "", true));

		assertThatExceptionOfType(AccountLockException.class).isThrownBy(() -> policies.on(nul, mailLocks))
			.satisfies(ex -> assertThat(ex.reason()).isEqualTo(AccountLockException.Reason.FAILED));
		assertThatExceptionOfType(AccountLockException.class).isThrownBy(() -> policies.on(tooLong, mailLocks))
			.satisfies(ex -> assertThat(ex.explanation().english()).isEqualTo("/etc/pam.d/sshd on mail is longer than"
					+ " the panel reads of a command's output (panel.commands.max-output)"));
	}

	@Test
	void saysWhichFileOfWhichHostCouldNotBeReadAndWhy() {
		Host denied = mail((command, extraTime) -> new CommandResult(1, "",
				"cat: " + command.get(2) + ": Permission denied\n", false));
		Host unreachable = mail((command, extraTime) -> {
			throw new CommandException(CommandException.Reason.UNREACHABLE,
					Explanation.of("hosts.problem.unreachable", "mail (192.0.2.25:22)", "connection refused"));
		});

		assertThatExceptionOfType(AccountLockException.class).isThrownBy(() -> policies.on(denied, mailLocks))
			.satisfies(ex -> assertThat(ex.reason()).isEqualTo(AccountLockException.Reason.FAILED))
			.satisfies(ex -> assertThat(ex.explanation().english())
				.isEqualTo("cannot read /etc/pam.d/sshd on mail: cat: /etc/pam.d/sshd: Permission denied"));
		Host slow = mail((command, extraTime) -> {
			throw new CommandException(CommandException.Reason.TIMEOUT, Explanation.of("command.timeout", "cat", 10000));
		});
		assertThatExceptionOfType(AccountLockException.class).isThrownBy(() -> policies.on(slow, mailLocks))
			.satisfies(ex -> assertThat(ex.reason()).isEqualTo(AccountLockException.Reason.TIMEOUT));
		assertThatExceptionOfType(AccountLockException.class).isThrownBy(() -> policies.on(unreachable, mailLocks))
			.satisfies(ex -> assertThat(ex.reason()).isEqualTo(AccountLockException.Reason.UNREACHABLE))
			.satisfies(ex -> assertThat(ex.explanation().english()).isEqualTo(
					"cannot read /etc/pam.d/sshd on mail: cannot reach mail (192.0.2.25:22): connection refused"));
	}

	/** The host's files as cat prints them, and what cat says of one that is not there. */
	private CommandRunner files(Map<String, String> files) {
		return (command, extraTime) -> {
			ran.add(command);
			String file = command.get(2);
			return files.containsKey(file) ? new CommandResult(0, files.get(file), "", false)
					: new CommandResult(1, "", "cat: " + file + ": No such file or directory\n", false);
		};
	}

	private static Host mail(CommandRunner runner) {
		Host host = mock(Host.class);
		given(host.name()).willReturn(HostName.parse("mail"));
		given(host.isLocal()).willReturn(false);
		given(host.runner()).willReturn(runner);
		given(host.settings("accounts.policy", LockPolicyProperties.class)).willReturn(DEBIAN);
		return host;
	}

}
