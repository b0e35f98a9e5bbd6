package org.unbanpanel.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Every submission and every outcome, kept in the database so it survives restarts. Recording joins the caller's
 * transaction, so an event is stored exactly when what it describes is.
 */
@Service
public class AuditTrail {

	private final JdbcClient jdbc;

	private final Clock clock;

	public AuditTrail(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public void record(AuditEntry entry) {
		record(List.of(entry));
	}

	/** Records the entries, all at the same time. */
	public void record(Collection<AuditEntry> entries) {
		OffsetDateTime at = Conditions.utc(clock.instant());
		for (AuditEntry entry : entries) {
			jdbc.sql("""
					INSERT INTO audit_event (at, username, client_address, action, job_id, target, detail, item_id, jail,
					requested, failures, error_code, host) VALUES (:at, :username, :clientAddress, :action, :jobId,
					:target, :detail, :itemId, :jail, :requested, :failures, :errorCode, :host)""")
				.param("at", at)
				.param("username", entry.username())
				.param("clientAddress", entry.clientAddress())
				.param("action", entry.action().name())
				.param("jobId", entry.jobId())
				.param("target", entry.target())
				.param("detail", entry.detail())
				.param("itemId", entry.itemId())
				.param("jail", entry.jail())
				.param("requested", entry.requested())
				.param("failures", entry.failures())
				.param("errorCode", entry.errorCode())
				.param("host", entry.host())
				.update();
		}
	}

	/**
	 * Whether an entry with one of the actions was recorded for one of the job lines already: a listener handed the
	 * same event again (after a restart that came before the registry knew it was handled) records nothing twice.
	 */
	boolean recordedFor(Collection<Long> itemIds, Collection<AuditAction> actions) {
		if (itemIds.isEmpty()) {
			return false;
		}
		return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE item_id IN (:items) AND action IN (:actions)")
			.param("items", itemIds)
			.param("actions", actions.stream().map(AuditAction::name).toList())
			.query(Long.class)
			.single() > 0;
	}

	/** The latest events, newest first. */
	public List<AuditEvent> recent(int limit) {
		return events(Conditions.of(AuditFilter.NONE), 0, limit);
	}

	/**
	 * The events the filter selects, newest first, one page of them.
	 * @param page the page, counted from 1
	 * @param size how many events a page holds
	 */
	public AuditPage find(AuditFilter filter, int page, int size) {
		if (page < 1 || size < 1) {
			throw new IllegalArgumentException("page " + page + " of size " + size + " does not exist");
		}
		Conditions conditions = Conditions.of(filter);
		long total = jdbc.sql("SELECT COUNT(*) FROM audit_event" + conditions.where())
			.params(conditions.params())
			.query(Long.class)
			.single();
		return new AuditPage(events(conditions, (long) (page - 1) * size, size), page, size, total);
	}

	private List<AuditEvent> events(Conditions conditions, long offset, int limit) {
		String sql = """
				SELECT id, at, username, client_address, action, job_id, target, detail, item_id, jail, requested,
				failures, error_code, host FROM audit_event%s
				ORDER BY at DESC, id DESC OFFSET :offset ROWS FETCH FIRST :limit ROWS ONLY""";
		return jdbc.sql(sql.formatted(conditions.where()))
			.params(conditions.params())
			.param("offset", offset)
			.param("limit", limit)
			.query(AuditTrail::event)
			.list();
	}

	private static AuditEvent event(ResultSet row, int rowNumber) throws SQLException {
		return new AuditEvent(row.getLong("id"), row.getObject("at", OffsetDateTime.class).toInstant(),
				row.getString("username"), row.getString("client_address"),
				AuditAction.valueOf(row.getString("action")), row.getObject("job_id", Long.class),
				row.getString("target"), row.getString("detail"), row.getObject("item_id", Long.class),
				row.getString("jail"), row.getString("requested"), row.getObject("failures", Integer.class),
				row.getString("error_code"), row.getString("host"));
	}

	/**
	 * The WHERE clause of a filter: only the conditions it sets, so that no parameter is ever bound as an untyped
	 * {@code null}, which PostgreSQL refuses in {@code :x IS NULL}.
	 */
	private record Conditions(String where, Map<String, Object> params) {

		static Conditions of(AuditFilter filter) {
			List<String> conditions = new ArrayList<>();
			Map<String, Object> params = new HashMap<>();
			add(conditions, params, "username = :username", "username", filter.username());
			add(conditions, params,
					"(LOWER(target) LIKE :target ESCAPE '\\' OR LOWER(requested) LIKE :target ESCAPE '\\')", "target",
					containing(filter.target()));
			add(conditions, params, "at >= :from", "from", utc(filter.from()));
			add(conditions, params, "at < :until", "until", utc(filter.until()));
			return new Conditions(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), params);
		}

		private static void add(List<String> conditions, Map<String, Object> params, String condition, String name,
				Object value) {
			if (value != null) {
				conditions.add(condition);
				params.put(name, value);
			}
		}

		/** A LIKE pattern for values containing the text, its wildcards and the escape character taken literally. */
		private static String containing(String text) {
			if (text == null) {
				return null;
			}
			String lowerCase = text.toLowerCase(Locale.ROOT);
			return "%" + lowerCase.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		}

		private static OffsetDateTime utc(Instant instant) {
			return (instant == null) ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
		}

	}

}
