package org.unbanpanel.evidence;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Reads the time stamp at the start of a log line, in the forms the logs fail2ban watches use: ISO 8601 with or
 * without an offset ({@code 2026-11-25T11:00:00.123+01:00}, rsyslog's high-precision form and the panel's auth log),
 * {@code 2026-11-25 11:00:00,123} (fail2ban's own log), the traditional syslog {@code Nov 25 11:00:00}, and Apache's
 * error log {@code [Wed Nov 25 11:00:00.402667 2026]}. A stamp without an offset is local time in {@code zone}. The
 * traditional syslog stamp has no year: it gets the one that puts it at most a day after {@code writtenBy}, the time
 * the file was last written, so a file running across New Year stays in order.
 * <p>
 * Works on the raw bytes, since it runs for every line a binary search or a window scan touches.
 */
final class LogTime {

	/**
	 * A stamp: when, and where in the line it ends (the rest of the line starts after any blanks).
	 * @param rfc5424 whether the line is an RFC 5424 syslog message ({@code <38>1 2026-11-25T11:00:00Z host app …}),
	 * whose header goes on after the stamp
	 */
	record Stamp(long epochSecond, int end, boolean rfc5424) {

		Stamp(long epochSecond, int end) {
			this(epochSecond, end, false);
		}

	}

	private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

	private final ZoneId zone;

	private final LocalDateTime latest;

	LogTime(ZoneId zone, Instant writtenBy) {
		this.zone = zone;
		this.latest = LocalDateTime.ofInstant(writtenBy, zone).plusDays(1);
	}

	/** The stamp at {@code line[from]}, or {@code null} when the line does not start with one of the forms above. */
	Stamp read(byte[] line, int from, int to) {
		try {
			int header = rfc5424Header(line, from, to);
			if (header > from) {
				Stamp stamp = to - header >= 19 ? iso(line, header, to) : null;
				return stamp == null ? null : new Stamp(stamp.epochSecond(), stamp.end(), true);
			}
			if (to - from >= 19 && digits(line, from, 4) >= 0 && line[from + 4] == '-') {
				return iso(line, from, to);
			}
			if (to - from >= 15 && month(line, from) > 0) {
				return syslog(line, from, to);
			}
			if (to - from >= 26 && line[from] == '[' && month(line, from + 5) > 0) {
				return apache(line, from, to);
			}
		}
		catch (DateTimeException ex) {
			return null;
		}
		return null;
	}

	/** Where the stamp starts after an RFC 5424 {@code <PRI>VERSION }, or {@code from} when there is none. */
	private static int rfc5424Header(byte[] line, int from, int to) {
		if (to - from < 4 || line[from] != '<') {
			return from;
		}
		int at = from + 1;
		while (at < to && at - from <= 4 && isDigit(line[at])) {
			at++;
		}
		if (at + 2 >= to || at == from + 1 || line[at] != '>' || !isDigit(line[at + 1]) || line[at + 2] != ' ') {
			return from;
		}
		return at + 3;
	}

	/** {@code yyyy-MM-dd[T ]HH:mm:ss}, an optional fraction after '.' or ',', an optional {@code Z} or offset. */
	private Stamp iso(byte[] line, int at, int to) {
		int year = digits(line, at, 4);
		int month = digits(line, at + 5, 2);
		int day = digits(line, at + 8, 2);
		if (month < 0 || line[at + 7] != '-' || day < 0 || (line[at + 10] != 'T' && line[at + 10] != ' ')) {
			return null;
		}
		int end = at + 11;
		int[] time = time(line, end);
		if (time == null) {
			return null;
		}
		end += 8;
		if (end < to && (line[end] == '.' || line[end] == ',')) {
			end++;
			while (end < to && isDigit(line[end])) {
				end++;
			}
		}
		LocalDateTime local = LocalDateTime.of(year, month, day, time[0], time[1], time[2]);
		if (end < to && line[end] == 'Z') {
			return new Stamp(local.toEpochSecond(ZoneOffset.UTC), end + 1);
		}
		if (end + 5 <= to && (line[end] == '+' || line[end] == '-')) {
			int hours = digits(line, end + 1, 2);
			int minutesAt = line[end + 3] == ':' ? end + 4 : end + 3;
			int minutes = minutesAt + 2 <= to ? digits(line, minutesAt, 2) : -1;
			if (hours >= 0 && minutes >= 0) {
				int seconds = (hours * 3600 + minutes * 60) * (line[end] == '-' ? -1 : 1);
				return new Stamp(local.toEpochSecond(ZoneOffset.ofTotalSeconds(seconds)), minutesAt + 2);
			}
		}
		return new Stamp(local.atZone(zone).toEpochSecond(), end);
	}

	/** {@code MMM dd HH:mm:ss} with the day padded by a blank or not at all. */
	private Stamp syslog(byte[] line, int at, int to) {
		int month = month(line, at);
		int dayAt = at + 4;
		if (line[at + 3] != ' ') {
			return null;
		}
		if (line[dayAt] == ' ') {
			dayAt++;
		}
		int dayDigits = isDigit(line[dayAt + 1]) ? 2 : 1;
		int day = digits(line, dayAt, dayDigits);
		int timeAt = dayAt + dayDigits + 1;
		if (day < 1 || line[timeAt - 1] != ' ' || timeAt + 8 > to) {
			return null;
		}
		int[] time = time(line, timeAt);
		if (time == null) {
			return null;
		}
		LocalDateTime local = LocalDateTime.of(latest.getYear(), month, day, time[0], time[1], time[2]);
		if (local.isAfter(latest)) {
			local = local.minusYears(1);
		}
		return new Stamp(local.atZone(zone).toEpochSecond(), timeAt + 8);
	}

	/** {@code [Www MMM dd HH:mm:ss[.uuuuuu] yyyy]}. */
	private Stamp apache(byte[] line, int at, int to) {
		int month = month(line, at + 5);
		int day = digits(line, at + 9, 2);
		int[] time = time(line, at + 12);
		if (day < 0 || time == null || line[at + 4] != ' ' || line[at + 8] != ' ') {
			return null;
		}
		int end = at + 20;
		if (line[end] == '.') {
			end++;
			while (end < to && isDigit(line[end])) {
				end++;
			}
		}
		if (end + 6 > to || line[end] != ' ' || line[end + 5] != ']') {
			return null;
		}
		int year = digits(line, end + 1, 4);
		LocalDateTime local = LocalDateTime.of(year, month, day, time[0], time[1], time[2]);
		return new Stamp(local.atZone(zone).toEpochSecond(), end + 6);
	}

	/** {@code HH:mm:ss} as hours, minutes, seconds, or {@code null}. */
	private static int[] time(byte[] line, int at) {
		int hours = digits(line, at, 2);
		int minutes = digits(line, at + 3, 2);
		int seconds = digits(line, at + 6, 2);
		if (hours < 0 || minutes < 0 || seconds < 0 || line[at + 2] != ':' || line[at + 5] != ':') {
			return null;
		}
		return new int[] { hours, minutes, seconds };
	}

	/** 1 to 12 for a month abbreviation at {@code at}, else 0. */
	private static int month(byte[] line, int at) {
		for (int month = 0; month < 12; month++) {
			int name = month * 3;
			if (line[at] == MONTHS.charAt(name) && line[at + 1] == MONTHS.charAt(name + 1)
					&& line[at + 2] == MONTHS.charAt(name + 2)) {
				return month + 1;
			}
		}
		return 0;
	}

	private static int digits(byte[] line, int at, int count) {
		int value = 0;
		for (int i = at; i < at + count; i++) {
			if (!isDigit(line[i])) {
				return -1;
			}
			value = value * 10 + line[i] - '0';
		}
		return value;
	}

	private static boolean isDigit(byte b) {
		return b >= '0' && b <= '9';
	}

}
