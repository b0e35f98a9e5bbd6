package org.unbanpanel.fail2ban;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.unbanpanel.core.InvalidValueException;

/**
 * Pure parsers for what {@code fail2ban-client} prints on stdout, written against fail2ban 1.0.2 (Debian 12). The
 * status trees and the ban list lines have the same shape in 0.11; where a version differs it is said at the parser.
 * Text that does not have the expected shape is an {@link IllegalArgumentException}, never a silent guess.
 */
final class Fail2banOutput {

	/** A tree line such as {@code |  |- Currently failed:\t0} or {@code `- Jail list:\tsshd, sasl}. */
	private static final Pattern TREE_ENTRY = Pattern.compile("^[|`\\- ]*([^\\t:]+):\\t(.*)$");

	/**
	 * A time in a ban line, {@code 2026-11-25 11:00:00}, where each {@code 0} stands for a digit. A permanent ban ends
	 * at {@code 9999-12-31 23:59:59}.
	 */
	private static final String TIME_SHAPE = "0000-00-00 00:00:00";

	private static final String NOTHING_IGNORED = "No IP address/network is ignored";

	private static final String IGNORED = "These IP addresses/networks are ignored:";

	private static final Pattern IGNORE_ENTRY = Pattern.compile("^[|`]- (\\S+)$");

	private Fail2banOutput() {
	}

	/** The jail names from {@code status}: its "Jail list" entry, which fail2ban sorts by name. */
	static List<String> jailList(String status) {
		String list = treeEntries(status).get("Jail list");
		if (list == null) {
			throw unexpected("status", status);
		}
		return list.isBlank() ? List.of() : Arrays.asList(list.strip().split(",\\s*"));
	}

	/**
	 * One jail from {@code status <jail> short} and {@code get <jail> bantime}. The "short" flavor (1.0) leaves out the
	 * banned IP list; a server that does not know it answers with the basic flavor, which reads the same here.
	 */
	static JailStatus jailStatus(String jail, String status, Duration banTime) {
		Map<String, String> entries = treeEntries(status);
		return new JailStatus(jail, count(entries, "Currently failed", status),
				count(entries, "Total failed", status), count(entries, "Currently banned", status),
				count(entries, "Total banned", status), banTime);
	}

	/** A ban time as {@code get <jail> bantime} prints it: whole seconds, {@code -1} for permanent. */
	static Duration seconds(String banTime) {
		try {
			return Duration.ofSeconds(Long.parseLong(banTime.strip()));
		}
		catch (NumberFormatException ex) {
			throw unexpected("get bantime", banTime);
		}
	}

	/**
	 * The lines of {@code get <jail> banip --with-time}, ordered by end of ban as fail2ban prints them. Read by
	 * position, not by regular expression, because a jail may hold 100,000 bans.
	 */
	static List<Ban> bans(String withTime) {
		List<Ban> bans = new ArrayList<>();
		int from = 0;
		while (from < withTime.length()) {
			int newline = withTime.indexOf('\n', from);
			int to = newline < 0 ? withTime.length() : newline;
			String line = withTime.substring(from, to);
			if (!line.isBlank()) {
				bans.add(ban(line));
			}
			from = to + 1;
		}
		return bans;
	}

	/**
	 * {@code 1.2.3.4 \t2026-11-25 11:00:00 + 43200 = 2026-11-25 23:00:00} (Python: {@code '%s \t%s + %d = %s'}), read
	 * from its fixed-shape end; the address is whatever fail2ban holds, blanks included.
	 */
	private static Ban ban(String line) {
		int end = line.length() - TIME_SHAPE.length();
		int equals = end - 3;
		int plus = equals < 0 ? -1 : line.lastIndexOf(" + ", equals - 1);
		int start = plus - TIME_SHAPE.length();
		int tab = start - 2;
		if (tab < 1 || !line.startsWith(" = ", equals) || !line.startsWith(" \t", tab)) {
			throw unexpected("get banip --with-time", line);
		}
		try {
			return new Ban(line.substring(0, tab), time(line, start),
					Duration.ofSeconds(Long.parseLong(line, plus + 3, equals, 10)), time(line, end));
		}
		catch (NumberFormatException | DateTimeException ex) {
			throw unexpected("get banip --with-time", line);
		}
	}

	private static LocalDateTime time(String line, int at) {
		for (int i = 0; i < TIME_SHAPE.length(); i++) {
			char c = line.charAt(at + i);
			if (TIME_SHAPE.charAt(i) == '0' ? c < '0' || c > '9' : c != TIME_SHAPE.charAt(i)) {
				throw new DateTimeException("not a time");
			}
		}
		return LocalDateTime.of(digits(line, at, 4), digits(line, at + 5, 2), digits(line, at + 8, 2),
				digits(line, at + 11, 2), digits(line, at + 14, 2), digits(line, at + 17, 2));
	}

	private static int digits(String line, int at, int count) {
		int value = 0;
		for (int i = at; i < at + count; i++) {
			value = value * 10 + line.charAt(i) - '0';
		}
		return value;
	}

	/**
	 * {@code banned} without arguments: {@code [{'sshd': ['1.2.3.4']}, {'apache': []}]}, one single-entry dict per jail
	 * in the server's jail order.
	 * @return the addresses each jail holds, as fail2ban holds them, in that order
	 */
	static Map<String, List<String>> bannedByJail(String banned) {
		Map<String, List<String>> byJail = new LinkedHashMap<>();
		for (Object jail : asList(PythonLiteral.parse(banned), banned)) {
			if (!(jail instanceof Map<?, ?> entry)) {
				throw unexpected("banned", banned);
			}
			entry.forEach((name, addresses) -> byJail.put(asString(name, banned), strings(addresses, banned)));
		}
		return byJail;
	}

	/**
	 * {@code get <jail> ignoreip}: {@code No IP address/network is ignored}, or {@code These IP addresses/networks are
	 * ignored:} followed by one tree line per entry ({@code |- 10.1.2.0/24}, the last {@code `- 203.0.113.50}).
	 * @return the entries as fail2ban holds them
	 */
	static List<String> ignoreList(String ignoreIp) {
		List<String> lines = ignoreIp.lines().filter(line -> !line.isBlank()).toList();
		if (lines.size() == 1 && lines.get(0).strip().equals(NOTHING_IGNORED)) {
			return List.of();
		}
		if (lines.isEmpty() || !lines.get(0).strip().equals(IGNORED)) {
			throw unexpected("get ignoreip", ignoreIp);
		}
		List<String> entries = new ArrayList<>();
		for (String line : lines.subList(1, lines.size())) {
			Matcher entry = IGNORE_ENTRY.matcher(line);
			if (!entry.matches()) {
				throw unexpected("get ignoreip", line);
			}
			entries.add(entry.group(1));
		}
		return entries;
	}

	private static List<String> strings(Object list, String output) {
		return asList(list, output).stream().map(item -> asString(item, output)).toList();
	}

	private static List<?> asList(Object value, String output) {
		if (value instanceof List<?> list) {
			return list;
		}
		throw unexpected("banned", output);
	}

	private static String asString(Object value, String output) {
		if (value instanceof String text) {
			return text;
		}
		throw unexpected("banned", output);
	}

	private static Map<String, String> treeEntries(String tree) {
		Map<String, String> entries = new LinkedHashMap<>();
		tree.lines()
			.map(TREE_ENTRY::matcher)
			.filter(Matcher::matches)
			.forEach(entry -> entries.put(entry.group(1).strip(), entry.group(2)));
		return entries;
	}

	private static int count(Map<String, String> entries, String key, String status) {
		try {
			return Integer.parseInt(entries.getOrDefault(key, "").strip());
		}
		catch (NumberFormatException ex) {
			throw unexpected("status <jail>", status);
		}
	}

	static IllegalArgumentException unexpected(String command, String output) {
		String firstLine = output.lines().findFirst().orElse("");
		return new IllegalArgumentException("fail2ban-client " + command + " printed something unexpected: '"
				+ InvalidValueException.printable(firstLine) + "'");
	}

}
