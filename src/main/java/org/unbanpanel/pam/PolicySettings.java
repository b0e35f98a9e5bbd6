package org.unbanpanel.pam;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pure functions that turn PAM's settings into a {@link LockPolicy}, each module by its own rules (pam_faillock(8),
 * faillock.conf(5), pam_tally2(8) of Linux-PAM 1.4 and 1.5).
 */
final class PolicySettings {

	private PolicySettings() {
	}

	/**
	 * faillock.conf: {@code name = value} or a flag alone on a line, {@code #} comments.
	 * @return the settings in order, a flag with an empty value
	 */
	static Map<String, String> faillockConf(String text) {
		Map<String, String> settings = new LinkedHashMap<>();
		for (String line : text.split("\n")) {
			int comment = line.indexOf('#');
			String content = (comment >= 0 ? line.substring(0, comment) : line).strip();
			if (content.isEmpty()) {
				continue;
			}
			int equals = content.indexOf('=');
			if (equals < 0) {
				settings.put(content, "");
			}
			else {
				settings.put(content.substring(0, equals).strip(), content.substring(equals + 1).strip());
			}
		}
		return settings;
	}

	/** A module's arguments as name and value ({@code deny=3}), a flag with an empty value. */
	static Map<String, String> arguments(List<String> arguments) {
		Map<String, String> settings = new LinkedHashMap<>();
		for (String argument : arguments) {
			int equals = argument.indexOf('=');
			settings.put(equals < 0 ? argument : argument.substring(0, equals),
					equals < 0 ? "" : argument.substring(equals + 1));
		}
		return settings;
	}

	/**
	 * pam_faillock: defaults {@code deny=3}, {@code fail_interval=900}, {@code unlock_time=600}, then faillock.conf,
	 * then the stack's arguments. {@code unlock_time=never} is 0; {@code root_unlock_time} implies
	 * {@code even_deny_root} and is {@code unlock_time} when not set.
	 */
	static LockPolicy faillock(Map<String, String> conf, Map<String, String> arguments, List<String> readFrom) {
		Map<String, String> settings = new LinkedHashMap<>(conf);
		settings.putAll(arguments);
		Duration unlock = seconds(settings, "unlock_time", 600);
		boolean rootTime = settings.containsKey("root_unlock_time");
		return new LockPolicy(LockPolicy.FAILLOCK, (int) number(settings, "deny", 3), unlock,
				seconds(settings, "fail_interval", 900), rootTime || settings.containsKey("even_deny_root"),
				rootTime ? seconds(settings, "root_unlock_time", 0) : unlock, readFrom);
	}

	/**
	 * pam_tally2: every setting is an argument; {@code deny} and {@code unlock_time} default to 0 (no lock, and a
	 * lock that never ends by itself), {@code root_unlock_time} to {@code unlock_time}, implying
	 * {@code even_deny_root}.
	 */
	static LockPolicy tally2(Map<String, String> arguments, List<String> readFrom) {
		Duration unlock = seconds(arguments, "unlock_time", 0);
		boolean rootTime = arguments.containsKey("root_unlock_time");
		return new LockPolicy(LockPolicy.TALLY2, (int) number(arguments, "deny", 0), unlock, null,
				rootTime || arguments.containsKey("even_deny_root") || arguments.containsKey("even_deny_root_account"),
				rootTime ? seconds(arguments, "root_unlock_time", 0) : unlock, readFrom);
	}

	/** The arguments of the first {@code auth} rule of the module, with the file it is in. */
	static Optional<PamStack.Rule> firstRule(List<PamStack.Rule> rules, String module) {
		return rules.stream().filter(rule -> rule.moduleName().equals(module + ".so")).findFirst();
	}

	private static Duration seconds(Map<String, String> settings, String name, long otherwise) {
		String value = settings.get(name);
		return "never".equals(value) ? Duration.ZERO : Duration.ofSeconds(number(settings, name, otherwise));
	}

	private static long number(Map<String, String> settings, String name, long otherwise) {
		String value = settings.get(name);
		if (value == null) {
			return otherwise;
		}
		try {
			return Long.parseLong(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(name + "=" + value + " is not a number");
		}
	}

}
