package org.unbanpanel.evidence;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.unbanpanel.core.Explanation;

/**
 * Why fail2ban banned an address in one jail: the lines of the jail's own sources, in the window fail2ban looked at,
 * that are about the address. For the page and the API alike.
 *
 * @param jail the jail
 * @param address the banned address, canonical
 * @param banStart when the ban started; the window is {@code findTime} before it
 * @param findTime the jail's {@code findtime}
 * @param failures the failed logins among the lines
 * @param firstFailure the first of them, {@code null} when there is none
 * @param lastFailure the last of them, {@code null} when there is none
 * @param services the failures per service, most first
 * @param accounts the accounts the failures tried, with their count and services, most first
 * @param lines the latest lines about the address, oldest first, escaped and cut for showing
 * @param linesNotShown how many more lines about the address there are before them
 * @param unclearLines lines that hold the address but cannot be read as about it for sure (a crafted user name
 * imitating the service's words): counted for nobody, never shown
 * @param sources the jail's sources, as fail2ban names them: files, or a journal match
 * @param problems the sources, or parts of them, that could not be read, and why
 * @param logsFrom where the sources' oldest line is when that is after the window's start (the logs were rotated
 * away, or begin then), else {@code null}
 * @param fail2banProblem why fail2ban could not be asked for the jail's sources, or {@code null}
 */
public record Evidence(String jail, String address, Instant banStart, Duration findTime, int failures,
		Instant firstFailure, Instant lastFailure, List<ServiceCount> services, List<AccountCount> accounts,
		List<Line> lines, int linesNotShown, int unclearLines, List<String> sources, List<SourceProblem> problems,
		Instant logsFrom, Explanation fail2banProblem) {

	/** The window fail2ban counted failures in: from {@link #windowStart()} to the ban's start. */
	public Instant windowStart() {
		return findTime == null ? null : banStart.minus(findTime);
	}

	/** Whether any line about the address was found. */
	public boolean hasLines() {
		return !lines.isEmpty();
	}

	/** Failed logins of one service. */
	public record ServiceCount(String service, int failures) {
	}

	/** Failed logins of one account, and over which services. */
	public record AccountCount(String account, int failures, List<String> services) {
	}

	/**
	 * One line about the address.
	 * @param text the line as written, control characters escaped, cut to {@code panel.evidence.line-length}
	 */
	public record Line(Instant time, Kind kind, String service, String text) {
	}

	public enum Kind {

		/** A failed login. */
		FAILURE,
		/** Another line of a service the panel reads: a success, a disconnect. */
		EVENT,
		/** A line of a program the panel does not read, holding the address. */
		OTHER

	}

}
