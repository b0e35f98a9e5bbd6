package org.unbanpanel.pam;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.core.InvalidValueException;
import org.unbanpanel.exec.CommandException;
import org.unbanpanel.exec.CommandResult;
import org.unbanpanel.hosts.Host;

/**
 * The lock policy in force on a host, read from the PAM stack of its {@code accounts.policy.service} and, for
 * pam_faillock, its faillock.conf, on every call (they are small files, and an administrator may change them at any
 * time). The files are world-readable on Debian: this machine's are read with the panel user's own rights, another
 * host's with {@code cat} as the panel's account there, without sudo.
 */
@Service
public class LockPolicies {

	/** How cat says that a file is not there: the same as a missing file here. */
	private static final String NO_SUCH_FILE = "No such file or directory";

	private final AccountLocks locks;

	private final LockPolicyProperties properties;

	LockPolicies(AccountLocks locks, LockPolicyProperties properties) {
		this.locks = locks;
		this.properties = properties;
	}

	/**
	 * The policy of the machine the panel runs on.
	 * @throws AccountLockException {@code NOT_CONFIGURED} when no tool manages the locks or the stack does not use
	 * its module, {@code FAILED} when a file cannot be read or holds a setting that is not a number
	 */
	public LockPolicy current() {
		return read(locks.backend(), properties, LockPolicies::readHere);
	}

	/**
	 * The policy of a host whose locks are {@code hostLocks}, under that host's {@code accounts.policy.*} settings.
	 * @throws AccountLockException as {@link #current()} does, and {@code UNREACHABLE} when the host cannot be asked
	 */
	public LockPolicy on(Host host, AccountLocks hostLocks) {
		if (host.isLocal()) {
			return current();
		}
		return read(hostLocks.backend(), host.settings("accounts.policy", LockPolicyProperties.class),
				file -> readOn(host, file));
	}

	/**
	 * The policy of the stack and faillock.conf the settings name. A word of those files that is no path or no
	 * number makes the policy unreadable, never an exception of another kind.
	 */
	private static LockPolicy read(String backend, LockPolicyProperties settings, PolicyFiles files) {
		String module = switch (backend) {
			case "faillock" -> LockPolicy.FAILLOCK;
			case "pam_tally2" -> LockPolicy.TALLY2;
			default -> throw new AccountLockException(AccountLockException.Reason.NOT_CONFIGURED,
					Explanation.of("accounts.tool.none"));
		};
		try {
			return readFor(module, settings, files);
		}
		catch (IllegalArgumentException ex) {
			throw new AccountLockException(AccountLockException.Reason.FAILED,
					Explanation.of("lock.policy.unreadable", InvalidValueException.printable(ex.getMessage())), ex);
		}
	}

	private static LockPolicy readFor(String module, LockPolicyProperties settings, PolicyFiles files) {
		Path stack = settings.pamDir().resolve(settings.service());
		PamStack.Rule rule = PolicySettings
			.firstRule(PamStack.authRules(settings.service(), name -> files.read(path(settings, name))), module)
			.orElseThrow(() -> new AccountLockException(AccountLockException.Reason.NOT_CONFIGURED,
					Explanation.of("lock.policy.notInStack", module, stack.toString())));
		Map<String, String> arguments = PolicySettings.arguments(rule.arguments());
		List<String> readFrom = List.of(path(settings, rule.file()).toString());
		if (module.equals(LockPolicy.TALLY2)) {
			return PolicySettings.tally2(arguments, readFrom);
		}
		Path conf = arguments.containsKey("conf") ? Path.of(arguments.get("conf")) : settings.faillockConf();
		Map<String, String> faillock = PolicySettings.faillockConf(files.read(conf).orElse(""));
		return PolicySettings.faillock(faillock, arguments, List.of(readFrom.get(0), conf.toString()));
	}

	private static Path path(LockPolicyProperties settings, String name) {
		return name.startsWith("/") ? Path.of(name) : settings.pamDir().resolve(name);
	}

	private static Optional<String> readHere(Path file) {
		try {
			return Optional.of(Files.readString(file));
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
		catch (IOException ex) {
			throw new AccountLockException(AccountLockException.Reason.FAILED,
					Explanation.of("lock.policy.cannotRead", file.toString(), String.valueOf(ex.getMessage())), ex);
		}
	}

	/**
	 * A file of another host, as {@code cat} prints it there. Its name comes from that host's PAM files: one that is
	 * not a plain absolute path is refused before anything runs.
	 */
	static Optional<String> readOn(Host host, Path file) {
		String name = file.toString();
		if (!file.isAbsolute() || InvalidValueException.hasControlCharacters(name)) {
			throw new AccountLockException(AccountLockException.Reason.FAILED,
					Explanation.of("lock.policy.unreadable", InvalidValueException.printable(name)));
		}
		CommandResult result;
		try {
			result = host.runner().run(List.of("cat", "--", name), Duration.ZERO);
		}
		catch (CommandException ex) {
			throw new AccountLockException(reason(ex),
					Explanation.of("lock.policy.cannotReadOn", name, host.name().value(), ex.explanation()), ex);
		}
		if (result.outputTruncated()) {
			throw new AccountLockException(AccountLockException.Reason.FAILED,
					Explanation.of("lock.policy.tooLarge", name, host.name().value()));
		}
		if (result.succeeded()) {
			return Optional.of(result.stdout());
		}
		if (result.stderr().contains(NO_SUCH_FILE)) {
			return Optional.empty();
		}
		throw new AccountLockException(AccountLockException.Reason.FAILED, Explanation.of("lock.policy.cannotReadOn",
				name, host.name().value(), InvalidValueException.printable(result.message())));
	}

	private static AccountLockException.Reason reason(CommandException ex) {
		return switch (ex.reason()) {
			case UNREACHABLE -> AccountLockException.Reason.UNREACHABLE;
			case TIMEOUT -> AccountLockException.Reason.TIMEOUT;
			case NOT_FOUND, START_FAILED -> AccountLockException.Reason.NOT_RUNNABLE;
			default -> AccountLockException.Reason.FAILED;
		};
	}

	/** Where the policy's files are read: here, or on another host. */
	@FunctionalInterface
	private interface PolicyFiles {

		Optional<String> read(Path file);

	}

}
