package org.unbanpanel.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.Errors;

/**
 * The audit filter as the page and the API take it from the query string; every part may be left out. Days are days
 * of the panel's zone ({@code panel.time-zone}), both ends included, like the times the page shows.
 * <p>
 * A bean rather than a record: when one value does not convert (a day written {@code 25.11.2026}), a record is not
 * built at all, so there would be no form to show the error on and the other fields would go unchecked.
 */
class AuditForm {

	static final int DEFAULT_SIZE = 50;

	static final int MAX_SIZE = 200;

	/** Days the database can store on H2 and PostgreSQL alike, the day after the last one included. */
	private static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);

	private static final LocalDate LATEST = LocalDate.of(9999, 12, 30);

	/** Exactly this user. */
	@Size(max = 100)
	private String user;

	/** Events whose value contains this text, ignoring case. */
	@Size(max = 100)
	private String value;

	/** The first day, {@code yyyy-MM-dd}. */
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate from;

	/** The last day, {@code yyyy-MM-dd}. */
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate to;

	/** The page, counted from 1 (default 1). */
	@Min(1)
	private Integer page;

	/** Events per page (default {@value #DEFAULT_SIZE}, at most {@value #MAX_SIZE}). */
	@Min(1)
	@Max(MAX_SIZE)
	private Integer size;

	/** What Bean Validation cannot see: a day out of range, a range that ends before it starts. */
	void checkDates(Errors errors) {
		checkInRange(errors, "from", from);
		checkInRange(errors, "to", to);
		if (from != null && to != null && to.isBefore(from) && !errors.hasFieldErrors("to")) {
			errors.rejectValue("to", "audit.to.beforeFrom");
		}
	}

	/** The filter, its days counted in the panel's zone. */
	AuditFilter filter(ZoneId zone) {
		return new AuditFilter(blankAsNull(user), blankAsNull(value), startOf(from, zone),
				(to == null) ? null : startOf(to.plusDays(1), zone));
	}

	int pageNumber() {
		return (page == null) ? 1 : page;
	}

	int pageSize() {
		return (size == null) ? DEFAULT_SIZE : size;
	}

	private static void checkInRange(Errors errors, String field, LocalDate day) {
		if (day != null && (day.isBefore(EARLIEST) || day.isAfter(LATEST)) && !errors.hasFieldErrors(field)) {
			errors.rejectValue(field, "audit.date.outOfRange");
		}
	}

	private static Instant startOf(LocalDate day, ZoneId zone) {
		return (day == null) ? null : day.atStartOfDay(zone).toInstant();
	}

	private static String blankAsNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	public String getUser() {
		return user;
	}

	public void setUser(String user) {
		this.user = user;
	}

	public String getValue() {
		return value;
	}

	public void setValue(String value) {
		this.value = value;
	}

	public LocalDate getFrom() {
		return from;
	}

	public void setFrom(LocalDate from) {
		this.from = from;
	}

	public LocalDate getTo() {
		return to;
	}

	public void setTo(LocalDate to) {
		this.to = to;
	}

	public Integer getPage() {
		return page;
	}

	public void setPage(Integer page) {
		this.page = page;
	}

	public Integer getSize() {
		return size;
	}

	public void setSize(Integer size) {
		this.size = size;
	}

}
