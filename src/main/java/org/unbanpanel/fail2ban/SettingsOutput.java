package org.unbanpanel.fail2ban;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pure parsers for the {@code get} answers {@link CommandJailSettings} reads, as fail2ban 1.0.2's client prints them
 * ({@code client/beautifier.py}).
 */
final class SettingsOutput {

	private static final String NO_FILE = "No file is currently monitored";

	private static final String FILES = "Current monitored log file(s):";

	private static final String NO_MATCH = "No journal match filter set";

	private static final String MATCH = "Current match filter:";

	private static final String LOG_TARGET = "Current logging target is:";

	private static final Pattern NO_ACTIONS = Pattern.compile("No actions for jail .*");

	private static final Pattern ACTIONS = Pattern.compile("The jail .* has the following actions:");

	private static final Pattern LIST_ENTRY = Pattern.compile("^[|`]- (.*)$");

	private SettingsOutput() {
	}

	/** {@code get <jail> logpath}: one tree line per file, or that none is monitored (a journal jail). */
	static List<String> logPaths(String output) {
		List<String> lines = lines(output);
		if (lines.size() == 1 && lines.get(0).equals(NO_FILE)) {
			return List.of();
		}
		if (lines.isEmpty() || !lines.get(0).equals(FILES)) {
			throw unexpected("get logpath", output);
		}
		return treeEntries(lines.subList(1, lines.size()), "get logpath");
	}

	/**
	 * {@code get <jail> journalmatch}: {@code _SYSTEMD_UNIT=sshd.service + _COMM=sshd}, the words of each alternative
	 * joined by blanks and the alternatives by {@code " + "}; or that there is none.
	 */
	static List<String> journalMatch(String output) {
		List<String> lines = lines(output);
		if (lines.size() == 1 && lines.get(0).equals(NO_MATCH)) {
			return List.of();
		}
		if (lines.size() != 2 || !lines.get(0).equals(MATCH)) {
			throw unexpected("get journalmatch", output);
		}
		return Arrays.asList(lines.get(1).split(" +"));
	}

	/** {@code get logtarget}: the target on a tree line. */
	static String logTarget(String output) {
		List<String> lines = lines(output);
		if (lines.size() != 2 || !lines.get(0).equals(LOG_TARGET)) {
			throw unexpected("get logtarget", output);
		}
		return treeEntries(lines.subList(1, 2), "get logtarget").get(0);
	}

	/** {@code get <jail> actions}: the names on one line, comma-separated, or that there are none. */
	static List<String> actions(String output) {
		List<String> lines = lines(output);
		if (lines.size() == 1 && NO_ACTIONS.matcher(lines.get(0)).matches()) {
			return List.of();
		}
		if (lines.size() != 2 || !ACTIONS.matcher(lines.get(0)).matches()) {
			throw unexpected("get actions", output);
		}
		return Arrays.asList(lines.get(1).split(",\\s*"));
	}

	/** {@code get <jail> maxretry}: a whole number. */
	static int count(String output) {
		try {
			return Integer.parseInt(output.strip());
		}
		catch (NumberFormatException ex) {
			throw unexpected("get maxretry", output);
		}
	}

	/** {@code get <jail> bantime.increment}: Python's {@code True}, {@code False}, or {@code None} when never set. */
	static boolean flag(String output) {
		return switch (output.strip()) {
			case "True" -> true;
			case "False", "None" -> false;
			default -> throw unexpected("get bantime.increment", output);
		};
	}

	/** A {@code bantime.*} value as printed, {@code null} for Python's {@code None}. */
	static String optional(String output) {
		String value = output.strip();
		return value.equals("None") ? null : value;
	}

	private static List<String> lines(String output) {
		return output.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
	}

	private static List<String> treeEntries(List<String> lines, String command) {
		List<String> entries = new ArrayList<>();
		for (String line : lines) {
			Matcher entry = LIST_ENTRY.matcher(line);
			if (!entry.matches()) {
				throw unexpected(command, line);
			}
			entries.add(entry.group(1));
		}
		return entries;
	}

	private static IllegalArgumentException unexpected(String command, String output) {
		return Fail2banOutput.unexpected(command, output);
	}

}
