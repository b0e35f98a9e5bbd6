package org.unbanpanel.jails;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.unbanpanel.fail2ban.Ban;

/**
 * One ban on {@code /jails/{name}} and in {@code GET /api/v1/jails/{name}}, in the server's time zone.
 * @param address the address or network exactly as fail2ban holds it
 * @param end when the ban ends; {@code null} for a permanent ban
 * @param remainingSeconds how long until the end ({@code 0} once it has passed); {@code -1} for a permanent ban
 */
public record BanRow(String address, OffsetDateTime start, OffsetDateTime end, boolean permanent,
		long remainingSeconds) {

	static BanRow of(Ban ban, Instant now, ZoneId zone) {
		OffsetDateTime start = ban.start().atZone(zone).toOffsetDateTime();
		if (ban.permanent()) {
			return new BanRow(ban.address(), start, null, true, -1);
		}
		OffsetDateTime end = ban.end().atZone(zone).toOffsetDateTime();
		return new BanRow(ban.address(), start, end, false,
				Math.max(0, Duration.between(now, end.toInstant()).getSeconds()));
	}

	/** The end has passed and fail2ban has not yet lifted the ban (it checks every few seconds). */
	public boolean ending() {
		return !permanent && remainingSeconds == 0;
	}

}
