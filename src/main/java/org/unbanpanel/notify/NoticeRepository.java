package org.unbanpanel.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The notices in the table {@code notice}, one row per destination. */
@Repository
class NoticeRepository {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String COLUMNS = "id, kind, destination, data, body, created_at, state, attempts, "
			+ "next_attempt_at, last_error, sent_at";

	private final JdbcClient jdbc;

	NoticeRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(String kind, String destination, String data, String body, Instant at) {
		jdbc.sql("""
				INSERT INTO notice (kind, destination, data, body, created_at, state, next_attempt_at)
				VALUES (:kind, :destination, :data, :body, :at, 'PENDING', :at)""")
			.param("kind", kind)
			.param("destination", destination)
			.param("data", data)
			.param("body", body)
			.param("at", utc(at))
			.update();
	}

	/** The destinations that have notices due for an attempt. */
	List<String> dueDestinations(Instant now) {
		return jdbc.sql("SELECT DISTINCT destination FROM notice WHERE state = 'PENDING' AND next_attempt_at <= :now")
			.param("now", utc(now))
			.query(String.class)
			.list();
	}

	/** The notices to one destination due for an attempt, oldest first. */
	List<Notice> due(Instant now, String destination, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM notice WHERE state = 'PENDING' AND next_attempt_at <= :now"
				+ " AND destination = :destination ORDER BY next_attempt_at, id FETCH FIRST :limit ROWS ONLY")
			.param("now", utc(now))
			.param("destination", destination)
			.param("limit", limit)
			.query(NoticeRepository::notice)
			.list();
	}

	/**
	 * Takes a due notice for one attempt, so that of several panels on one database only one sends it: its next attempt
	 * is put off until {@code until} (past the attempt's longest time), if it is still due and untried since it was
	 * read. A panel that stops during the attempt leaves it to be tried again then.
	 * @return whether this panel took it
	 */
	boolean claim(Notice notice, Instant now, Instant until) {
		return jdbc.sql("UPDATE notice SET next_attempt_at = :until WHERE id = :id AND state = 'PENDING'"
				+ " AND attempts = :attempts AND next_attempt_at <= :now")
			.param("until", utc(until))
			.param("id", notice.id())
			.param("attempts", notice.attempts())
			.param("now", utc(now))
			.update() == 1;
	}

	void sent(long id, int attempts, Instant at) {
		jdbc.sql("UPDATE notice SET state = 'SENT', attempts = :attempts, sent_at = :at, next_attempt_at = NULL"
				+ " WHERE id = :id")
			.param("attempts", attempts)
			.param("at", utc(at))
			.param("id", id)
			.update();
	}

	/** Another failed attempt: tried again at {@code next}, or, when {@code next} is {@code null}, failed for good. */
	void failedAttempt(long id, int attempts, String error, Instant next) {
		jdbc.sql("UPDATE notice SET state = :state, attempts = :attempts, last_error = :error, next_attempt_at = :next"
				+ " WHERE id = :id")
			.param("state", (next != null) ? NoticeState.PENDING.name() : NoticeState.FAILED.name())
			.param("attempts", attempts)
			.param("error", (error.length() > 1000) ? error.substring(0, 1000) : error)
			.param("next", (next != null) ? utc(next) : null)
			.param("id", id)
			.update();
	}

	/** Forgets the notices sent or failed before the time. */
	void forgetEndedBefore(Instant before) {
		jdbc.sql("DELETE FROM notice WHERE state <> 'PENDING' AND created_at < :before")
			.param("before", utc(before))
			.update();
	}

	/** The latest notices, newest first. */
	List<Notice> latest(int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM notice ORDER BY created_at DESC, id DESC FETCH FIRST :limit ROWS ONLY")
			.param("limit", limit)
			.query(NoticeRepository::notice)
			.list();
	}

	static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

	private static Notice notice(ResultSet rs, int row) throws SQLException {
		Map<String, Object> data = JSON.readValue(rs.getString("data"), new TypeReference<LinkedHashMap<String, Object>>() {
		});
		return new Notice(rs.getLong("id"), rs.getString("kind"), rs.getString("destination"),
				new ArrayList<>(data.values()), rs.getString("body"), instant(rs, "created_at"),
				NoticeState.valueOf(rs.getString("state")), rs.getInt("attempts"), instant(rs, "next_attempt_at"),
				rs.getString("last_error"), instant(rs, "sent_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
		return (time != null) ? time.toInstant() : null;
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
