package org.unbanpanel.fail2ban;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.unbanpanel.core.InvalidValueException;

/**
 * Pure parsers for what {@code fail2ban-client} prints on stdout, written against fail2ban 1.0.2 (Debian 12) and checked
 * against 0.11.2 and 1.1.0's {@code client/beautifier.py} and {@code server/banmanager.py}. The status trees and the ban
 * list lines have the same shape in 0.11; where a version differs it is said at the parser. Output that does not have
 * the shape of the command's is an {@link IllegalArgumentException}, never a silent guess.
 * <p>
 * An entry fail2ban holds is any string (a ban by {@code set <jail> banip}, a host name, a failure id of a filter's
 * {@code <F-ID>}), and the ban and ignore lists print entries as text, one per line, without quoting. So an entry that
 * holds a newline is printed over several lines, and the lines after the first can look like other entries
 * ({@code '9.9.9.9 \t2026-01-01 00:00:00 + -1 = 9999-12-31 23:59:59\n8.8.8.8'} prints as a permanent ban of 9.9.9.9
 * followed by a ban of 8.8.8.8). The parsers refuse to guess: such entries, and entries holding any other control
 * character, are returned apart as unreadable, and never break the rest of the list.
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

	/** The ignore list's line of every entry but the last, and of the last. */
	private static final String ENTRY = "|- ";

	private static final String LAST_ENTRY = "`- ";

	/** The basic status flavor's last entry: the jail's entries joined by blanks, so it may hold any text. */
	private static final String BANNED_IP_LIST = "Banned IP list";

	private Fail2banOutput() {
	}

	/** The jail names from {@code status}: its "Jail list" entry, which fail2ban sorts by name. */
	static List<String> jailList(String status) {
		String list = treeEntries(status, "status").get("Jail list");
		if (list == null) {
			throw unexpected("status", status);
		}
		return list.isBlank() ? List.of() : Arrays.asList(list.strip().split(",\\s*"));
	}

	/**
	 * One jail from {@code status <jail> short} and {@code get <jail> bantime}. The "short" flavor leaves out the
	 * banned IP list; a server that does not know it answers with the basic flavor, which reads the same here: its list
	 * comes last and is not read, so no entry of the jail can stand in for a counter.
	 */
	static JailStatus jailStatus(String jail, String status, Duration banTime) {
		Map<String, String> entries = treeEntries(status, "status <jail>");
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
	 * The lines of {@code get <jail> banip --with-time}, ordered by end of ban as fail2ban prints them, read against
	 * {@code held}, the jail's entries exactly as {@code banned} returned them (Python literals, so unambiguous). A line
	 * is a ban only when it has the command's shape, its address is one of the held entries, holds no control
	 * character and no blank at either end, and no other line names the same address. Everything else is an unreadable
	 * entry: a held entry printed over several lines is recognised as a whole from where it starts, and any other line
	 * left over is unreadable on its own. Lines are read by position, not by regular expression, because a jail may
	 * hold 100,000 bans.
	 */
	static BanList banList(String withTime, Collection<String> held) {
		Set<String> holds = new HashSet<>(held);
		Map<String, List<String>> spanning = spanningEntries(held);
		List<Ban> read = new ArrayList<>();
		List<String> unreadable = new ArrayList<>();
		int from = 0;
		while (from < withTime.length()) {
			int to = lineEnd(withTime, from);
			String line = withTime.substring(from, to);
			String entry = entryStartingAt(withTime, from, spanning.getOrDefault(line, List.of()));
			if (entry != null) {
				unreadable.add(entry);
				to = lineEnd(withTime, from + entry.length());
			}
			else if (!line.isEmpty()) {
				Ban ban = ban(line);
				if (ban != null && holds.contains(ban.address()) && readable(ban.address())) {
					read.add(ban);
				}
				else {
					unreadable.add(ban != null ? ban.address() : line);
				}
			}
			from = to + 1;
		}
		return withoutRepeatedAddresses(read, unreadable);
	}

	/** The held entries that hold a newline, by their first line; the longest first, to match the most text. */
	private static Map<String, List<String>> spanningEntries(Collection<String> held) {
		return held.stream()
			.filter(entry -> entry.indexOf('\n') >= 0)
			.sorted(Comparator.comparingInt(String::length).reversed())
			.collect(Collectors.groupingBy(entry -> entry.substring(0, entry.indexOf('\n'))));
	}

	/** The entry among the candidates whose whole ban line, over several lines, starts at {@code from}. */
	private static String entryStartingAt(String withTime, int from, List<String> candidates) {
		for (String entry : candidates) {
			if (withTime.startsWith(entry, from)) {
				Ban ban = ban(withTime.substring(from, lineEnd(withTime, from + entry.length())));
				if (ban != null && ban.address().equals(entry)) {
					return entry;
				}
			}
		}
		return null;
	}

	/** fail2ban holds each entry once per jail: an address on two lines means one of them is part of another entry. */
	private static BanList withoutRepeatedAddresses(List<Ban> read, List<String> unreadable) {
		Map<String, Integer> lines = new HashMap<>();
		read.forEach(ban -> lines.merge(ban.address(), 1, Integer::sum));
		if (lines.size() == read.size()) {
			return new BanList(read, unreadable);
		}
		List<String> allUnreadable = new ArrayList<>(unreadable);
		read.stream().map(Ban::address).filter(address -> lines.get(address) > 1).forEach(allUnreadable::add);
		return new BanList(read.stream().filter(ban -> lines.get(ban.address()) == 1).toList(), allUnreadable);
	}

	/** What a page can show as it is: not empty, no control character, no blank at either end. */
	private static boolean readable(String entry) {
		return !entry.isEmpty() && !InvalidValueException.hasControlCharacters(entry) && !blank(entry.codePointAt(0))
				&& !blank(entry.codePointBefore(entry.length()));
	}

	private static boolean blank(int c) {
		return Character.isWhitespace(c) || Character.isSpaceChar(c);
	}

	private static int lineEnd(String text, int from) {
		int newline = text.indexOf('\n', from);
		return newline < 0 ? text.length() : newline;
	}

	/**
	 * {@code 1.2.3.4 \t2026-11-25 11:00:00 + 43200 = 2026-11-25 23:00:00} (Python: {@code '%s \t%s + %d = %s'}), read
	 * from its fixed-shape end; the address is whatever fail2ban holds, blanks included.
	 * @return the ban, or {@code null} when the line does not have this shape
	 */
	private static Ban ban(String line) {
		int end = line.length() - TIME_SHAPE.length();
		int equals = end - 3;
		int plus = equals < 0 ? -1 : line.lastIndexOf(" + ", equals - 1);
		int start = plus - TIME_SHAPE.length();
		int tab = start - 2;
		if (tab < 0 || !line.startsWith(" = ", equals) || !line.startsWith(" \t", tab)) {
			return null;
		}
		try {
			return new Ban(line.substring(0, tab), time(line, start),
					Duration.ofSeconds(Long.parseLong(line, plus + 3, equals, 10)), time(line, end));
		}
		catch (NumberFormatException | DateTimeException ex) {
			return null;
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
	 * The answer to {@code unban} and {@code set <jail> unbanip}: the number of bans removed, as fail2ban counts them
	 * ({@link Unbanned}), {@code 3} on a line of its own.
	 */
	static int removed(String unban) {
		String count = unban.strip();
		if (count.isEmpty() || count.length() > 9 || !count.chars().allMatch(c -> c >= '0' && c <= '9')) {
			throw unexpected("unban", unban);
		}
		return Integer.parseInt(count);
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
	 * ignored:} followed by one tree line per entry ({@code |- 10.1.2.0/24}, the last {@code `- 203.0.113.50}). A line
	 * that does not start an entry, or comes after the last one, belongs to the entry before, which held a newline:
	 * that entry is unreadable, like one holding another control character.
	 * @return the entries as fail2ban holds them, and apart those the panel cannot read exactly
	 */
	static IgnoreList ignoreList(String ignoreIp) {
		List<String> lines = Arrays.stream(ignoreIp.split("\n")).filter(line -> !line.isEmpty()).toList();
		if (lines.size() == 1 && lines.get(0).strip().equals(NOTHING_IGNORED)) {
			return new IgnoreList(List.of(), List.of());
		}
		if (lines.size() < 2 || !lines.get(0).strip().equals(IGNORED) || !startsEntry(lines.get(1))) {
			throw unexpected("get ignoreip", ignoreIp);
		}
		List<String> entries = new ArrayList<>();
		List<String> unreadable = new ArrayList<>();
		StringBuilder entry = null;
		boolean continued = false;
		boolean last = false;
		for (String line : lines.subList(1, lines.size())) {
			if (!last && startsEntry(line)) {
				keep(entry, continued, entries, unreadable);
				entry = new StringBuilder(line.substring(ENTRY.length()));
				continued = false;
				last = line.startsWith(LAST_ENTRY);
			}
			else {
				entry.append('\n').append(line);
				continued = true;
			}
		}
		if (!last) {
			throw unexpected("get ignoreip", ignoreIp);
		}
		keep(entry, continued, entries, unreadable);
		return new IgnoreList(entries, unreadable);
	}

	/**
	 * An ignore list as the panel read it.
	 * @param entries the entries read exactly, in fail2ban's order
	 * @param unreadable the entries holding a newline or another control character, as printed
	 */
	record IgnoreList(List<String> entries, List<String> unreadable) {
	}

	private static boolean startsEntry(String line) {
		return line.startsWith(ENTRY) || line.startsWith(LAST_ENTRY);
	}

	private static void keep(StringBuilder entry, boolean continued, List<String> entries, List<String> unreadable) {
		if (entry != null) {
			(continued || !readable(entry.toString()) ? unreadable : entries).add(entry.toString());
		}
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

	/**
	 * The {@code key:\tvalue} lines of a status tree, up to the banned IP list, which holds the jail's entries as text
	 * and so anything at all. A key seen twice means the tree is not fail2ban's.
	 */
	private static Map<String, String> treeEntries(String tree, String command) {
		Map<String, String> entries = new LinkedHashMap<>();
		for (String line : tree.split("\n")) {
			Matcher entry = TREE_ENTRY.matcher(line);
			if (entry.matches()) {
				String key = entry.group(1).strip();
				if (entries.putIfAbsent(key, entry.group(2)) != null) {
					throw unexpected(command, tree);
				}
				if (key.equals(BANNED_IP_LIST)) {
					break;
				}
			}
		}
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
