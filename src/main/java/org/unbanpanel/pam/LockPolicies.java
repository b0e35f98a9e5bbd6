package org.unbanpanel.pam;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.core.InvalidValueException;

/**
 * The lock policy in force, read from the PAM stack of {@code panel.accounts.policy.service} and, for pam_faillock,
 * its faillock.conf, on every call (they are small files, and an administrator may change them at any time).
 */
@Service
public class LockPolicies {

	private final AccountLocks locks;

	private final LockPolicyProperties properties;

	LockPolicies(AccountLocks locks, LockPolicyProperties properties) {
		this.locks = locks;
		this.properties = properties;
	}

	/**
	 * @throws AccountLockException {@code NOT_CONFIGURED} when no tool manages the locks or the stack does not use
	 * its module, {@code FAILED} when a file cannot be read or holds a setting that is not a number
	 */
	public LockPolicy current() {
		String module = switch (locks.backend()) {
			case "faillock" -> LockPolicy.FAILLOCK;
			case "pam_tally2" -> LockPolicy.TALLY2;
			default -> throw new AccountLockException(AccountLockException.Reason.NOT_CONFIGURED,
					Explanation.of("accounts.tool.none"));
		};
		Path stack = properties.pamDir().resolve(properties.service());
		PamStack.Rule rule = PolicySettings.firstRule(PamStack.authRules(properties.service(), this::pamFile), module)
			.orElseThrow(() -> new AccountLockException(AccountLockException.Reason.NOT_CONFIGURED,
					Explanation.of("lock.policy.notInStack", module, stack.toString())));
		try {
			Map<String, String> arguments = PolicySettings.arguments(rule.arguments());
			if (module.equals(LockPolicy.TALLY2)) {
				return PolicySettings.tally2(arguments, List.of(path(rule.file()).toString()));
			}
			Path conf = arguments.containsKey("conf") ? Path.of(arguments.get("conf")) : properties.faillockConf();
			Map<String, String> settings = PolicySettings.faillockConf(read(conf).orElse(""));
			return PolicySettings.faillock(settings, arguments, List.of(path(rule.file()).toString(), conf.toString()));
		}
		catch (IllegalArgumentException ex) {
			throw new AccountLockException(AccountLockException.Reason.FAILED,
					Explanation.of("lock.policy.unreadable", InvalidValueException.printable(ex.getMessage())), ex);
		}
	}

	private Optional<String> pamFile(String name) {
		return read(path(name));
	}

	private Path path(String name) {
		return name.startsWith("/") ? Path.of(name) : properties.pamDir().resolve(name);
	}

	private static Optional<String> read(Path file) {
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

}
