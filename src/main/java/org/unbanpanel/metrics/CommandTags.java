package org.unbanpanel.metrics;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Tags;

/**
 * The {@code tool} and {@code command} tags of one program run, read from its argument list: the tool is the
 * program's file name, looked through {@code sudo} and its options; the command names what was asked without any
 * jail, address or user, so that the tags stay few: for fail2ban-client the words after {@code --} ({@code version},
 * {@code status}, {@code status-jail}, {@code get-banip}, {@code set-addignoreip}, {@code unban}, …), for faillock
 * and pam_tally2 {@code list}, {@code user} or {@code reset}, for journalctl (the evidence of a journal jail) and cat
 * (another host's PAM settings) {@code read}.
 */
final class CommandTags {

	private static final Pattern WORD = Pattern.compile("[a-z]+");

	/** A jail setting as {@code get} names it: {@code maxretry}, {@code bantime.increment}. */
	private static final Pattern SETTING = Pattern.compile("[a-z]+(\\.[a-z]+)?");

	private CommandTags() {
	}

	static Tags of(List<String> command) {
		int program = programIndex(command);
		String tool = Path.of(command.get(program)).getFileName().toString();
		List<String> arguments = command.subList(program + 1, command.size());
		return Tags.of("tool", tool, "command", switch (tool) {
			case "fail2ban-client" -> fail2banCommand(arguments);
			case "faillock", "pam_tally2" -> lockToolCommand(arguments);
			case "journalctl", "cat" -> "read";
			default -> "other";
		});
	}

	/** {@code sudo -n /usr/bin/fail2ban-client ...}: the first word after sudo that is not an option. */
	private static int programIndex(List<String> command) {
		if (!"sudo".equals(Path.of(command.get(0)).getFileName().toString())) {
			return 0;
		}
		for (int i = 1; i < command.size(); i++) {
			if (!command.get(i).startsWith("-")) {
				return i;
			}
		}
		return 0;
	}

	private static String fail2banCommand(List<String> arguments) {
		int separator = arguments.indexOf("--");
		List<String> words = separator < 0 ? arguments : arguments.subList(separator + 1, arguments.size());
		if (words.isEmpty() || !WORD.matcher(words.get(0)).matches()) {
			return "other";
		}
		String first = words.get(0);
		if (("get".equals(first) || "set".equals(first)) && words.size() > 2 && SETTING.matcher(words.get(2)).matches()) {
			return first + "-" + words.get(2);
		}
		if ("get".equals(first) && words.size() == 2 && "logtarget".equals(words.get(1))) {
			return "get-logtarget";
		}
		if ("status".equals(first) && words.size() > 1) {
			return "status-jail";
		}
		return first;
	}

	private static String lockToolCommand(List<String> arguments) {
		if (arguments.contains("--reset")) {
			return "reset";
		}
		return arguments.contains("--user") ? "user" : "list";
	}

}
