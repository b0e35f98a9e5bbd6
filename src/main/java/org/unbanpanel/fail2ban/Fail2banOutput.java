package org.unbanpanel.fail2ban;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.unbanpanel.exec.InvalidValueException;

/**
 * Pure parsers for what {@code fail2ban-client} prints on stdout, written against fail2ban 1.0.2 (Debian 12). The
 * status trees and the ban list lines have the same shape in 0.11; where a version differs it is said at the parser.
 * Text that does not have the expected shape is an {@link IllegalArgumentException}, never a silent guess.
 */
final class Fail2banOutput {

	/** A tree line such as {@code |  |- Currently failed:\t0} or {@code `- Jail list:\tsshd, sasl}. */
	private static final Pattern TREE_ENTRY = Pattern.compile("^[|`\\- ]*([^\\t:]+):\\t(.*)$");

	/**
	 * {@code 1.2.3.4 \t2026-11-25 11:00:00 + 43200 = 2026-11-25 23:00:00} (Python: {@code '%s \t%s + %d = %s'}); a
	 * permanent ban shows {@code + -1 = 9999-12-31 23:59:59}. The address is whatever fail2ban holds, blanks included.
	 */
	private static final Pattern BAN_LINE = Pattern.compile(
			"^(.+?) \\t(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d) \\+ (-?\\d+) = (\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d)$");

	private static final String NOTHING_IGNORED = "No IP address/network is ignored";

	private static final String IGNORED = "These IP addresses/networks are ignored:";

	private static final Pattern IGNORE_ENTRY = Pattern.compile("^[|`]- (\\S+)$");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

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

	/** The lines of {@code get <jail> banip --with-time}, ordered by end of ban as fail2ban prints them. */
	static List<Ban> bans(String withTime) {
		List<Ban> bans = new ArrayList<>();
		for (String line : withTime.lines().filter(line -> !line.isBlank()).toList()) {
			Matcher ban = BAN_LINE.matcher(line);
			if (!ban.matches()) {
				throw unexpected("get banip --with-time", line);
			}
			bans.add(new Ban(ban.group(1), LocalDateTime.parse(ban.group(2), TIME),
					Duration.ofSeconds(Long.parseLong(ban.group(3))), LocalDateTime.parse(ban.group(4), TIME)));
		}
		return bans;
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
		tree.lines().map(TREE_ENTRY::matcher).filter(Matcher::matches).forEach(entry -> entries.put(entry.group(1).strip(), entry.group(2)));
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

	private static IllegalArgumentException unexpected(String command, String output) {
		String firstLine = output.lines().findFirst().orElse("");
		return new IllegalArgumentException("fail2ban-client " + command + " printed something unexpected: '"
				+ InvalidValueException.printable(firstLine) + "'");
	}

}
