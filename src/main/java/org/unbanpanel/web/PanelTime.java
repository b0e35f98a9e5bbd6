package org.unbanpanel.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Times as every page shows them: in the panel's zone ({@code panel.time-zone}), written {@code 2026-11-25 13:00 CET}
 * in every language (the zone named), and relative ("in 11 h", "3 min ago") where that reads better. The API keeps
 * ISO-8601 with the offset. Templates reach it as {@code @times}. Times the tools print without a zone (fail2ban's
 * ban times, faillock's) are the server's local time.
 */
@Component("times")
public class PanelTime {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

	private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

	private static final String[] UNITS = { "d", "h", "min", "s" };

	private final ZoneId zone;

	private final Clock clock;

	private final MessageSource messages;

	PanelTime(PanelProperties properties, ObjectProvider<Clock> clock, MessageSource messages) {
		this.zone = properties.zone();
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		this.messages = messages;
	}

	public ZoneId zone() {
		return zone;
	}

	/** The first moment of a day in the panel's zone, for filters by day. */
	public Instant startOf(LocalDate day) {
		return day.atStartOfDay(zone).toInstant();
	}

	/** {@code 2026-11-25 13:00 CET}; empty for {@code null}. */
	public String at(Temporal time) {
		return format(time, MINUTES);
	}

	/** {@code 2026-11-25 13:00:05 CET}; empty for {@code null}. */
	public String atSeconds(Temporal time) {
		return format(time, SECONDS);
	}

	/** The time in ISO-8601 with its offset, for a {@code <time datetime>} attribute. */
	public String iso(Temporal time) {
		return (time == null) ? "" : inZone(time).toOffsetDateTime().toString();
	}

	/** "in 11 h", "3 min ago" or "now", from the clock's present. */
	public String relative(Temporal time) {
		Duration offset = Duration.between(clock.instant(), instant(time));
		if (offset.abs().getSeconds() < 1) {
			return message("time.now");
		}
		return offset.isNegative() ? message("time.ago", duration(offset.negated().getSeconds()))
				: message("time.in", duration(offset.getSeconds()));
	}

	/**
	 * A duration cut (not rounded) to its two largest units, the second left out when it is zero: {@code 12 h},
	 * {@code 3 h 12 min}, {@code 2 d 4 h}, {@code 45 s}; a negative one counts as zero.
	 */
	public String duration(long totalSeconds) {
		long seconds = Math.max(0, totalSeconds);
		long[] amounts = { seconds / 86_400, seconds % 86_400 / 3_600, seconds % 3_600 / 60, seconds % 60 };
		int first = 0;
		while (first < amounts.length - 1 && amounts[first] == 0) {
			first++;
		}
		String text = unit(amounts[first], first);
		if (first < amounts.length - 1 && amounts[first + 1] > 0) {
			text = message("time.twoUnits", text, unit(amounts[first + 1], first + 1));
		}
		return text;
	}

	private String unit(long amount, int unit) {
		return message("time.unit." + UNITS[unit], amount);
	}

	private String format(Temporal time, DateTimeFormatter formatter) {
		return (time == null) ? "" : inZone(time).format(formatter.withLocale(LocaleContextHolder.getLocale()));
	}

	private ZonedDateTime inZone(Temporal time) {
		return instant(time).atZone(zone);
	}

	private static Instant instant(Temporal time) {
		if (time instanceof Instant instant) {
			return instant;
		}
		if (time instanceof OffsetDateTime offset) {
			return offset.toInstant();
		}
		if (time instanceof ZonedDateTime zoned) {
			return zoned.toInstant();
		}
		if (time instanceof LocalDateTime serverLocal) {
			return serverLocal.atZone(ZoneId.systemDefault()).toInstant();
		}
		throw new IllegalArgumentException("Not a point in time: " + time);
	}

	private String message(String code, Object... arguments) {
		return messages.getMessage(code, arguments, LocaleContextHolder.getLocale());
	}

}
