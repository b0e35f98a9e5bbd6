package org.unbanpanel.evidence;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.unbanpanel.core.BanTarget;

/**
 * Reads fail2ban's own log: {@code 2026-11-25 11:00:00,123 fail2ban.actions [812]: NOTICE  [dovecot] Ban
 * 203.0.113.7}. Every part of such a line is fail2ban's own (the jail, the address it banned), so no client can
 * write one. A ban restored after a restart ({@code Restore Ban}) is not a new ban.
 */
final class Fail2banLog {

	private static final Pattern BAN = Pattern.compile("NOTICE\\s+\\[(?<jail>[^\\]\\s]+)\\] Ban (?<address>\\S+)\\s*$");

	private Fail2banLog() {
	}

	/** The ban of the address a line records, or empty when it records none. */
	static Optional<History.PastBan> ban(LogLine line, BanTarget address) {
		Matcher ban = BAN.matcher(line.body());
		if (!ban.find() || !HostText.address(ban.group("address")).map(address::covers).orElse(false)) {
			return Optional.empty();
		}
		return Optional.of(new History.PastBan(ban.group("jail"), Instant.ofEpochSecond(line.epochSecond())));
	}

}
