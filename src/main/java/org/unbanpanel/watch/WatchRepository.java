package org.unbanpanel.watch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.unbanpanel.hosts.HostName;
import org.unbanpanel.jobs.Reban;

/** The watches and what they saw, in the table {@code release_watch}. */
@Repository
class WatchRepository {

	/** How long a new ban is kept for the pages. */
	static final Duration KEPT_FOR = Duration.ofDays(30);

	private static final String REBAN_COLUMNS = "host, address, banned_again_in, job_id, released_at, banned_again_at";

	private final JdbcClient jdbc;

	WatchRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Starts a watch, unless this value's address is watched already (an event handed out again). */
	void add(HostName host, String address, long jobId, long itemId, List<String> jails, Instant releasedAt, Instant until) {
		jdbc.sql("""
				INSERT INTO release_watch (host, address, job_id, item_id, jails, released_at, watch_until)
				SELECT :host, :address, :jobId, :itemId, :jails, :releasedAt, :until FROM (VALUES (0)) AS one (x)
				WHERE NOT EXISTS (SELECT 1 FROM release_watch WHERE item_id = :itemId AND address = :address)""")
			.param("host", host.value())
			.param("address", address)
			.param("jobId", jobId)
			.param("itemId", itemId)
			.param("jails", String.join(",", jails))
			.param("releasedAt", utc(releasedAt))
			.param("until", utc(until))
			.update();
	}

	/** The watches that go on at this time. */
	List<Watch> current(Instant now) {
		return jdbc.sql("""
				SELECT id, host, address, job_id, jails, released_at, watch_until FROM release_watch
				WHERE banned_again_at IS NULL AND watch_until > :now ORDER BY id""")
			.param("now", utc(now))
			.query(WatchRepository::watch)
			.list();
	}

	/** Ends the watch with the new ban; whether it was still on (so the ban is told once). */
	boolean bannedAgain(long id, String jail, Instant at) {
		return jdbc.sql("""
				UPDATE release_watch SET banned_again_in = :jail, banned_again_at = :at
				WHERE id = :id AND banned_again_at IS NULL""")
			.param("jail", jail)
			.param("at", utc(at))
			.param("id", id)
			.update() == 1;
	}

	/** Forgets the watches that ended without a new ban, and the new bans older than {@link #KEPT_FOR}. */
	void forgetEnded(Instant now) {
		jdbc.sql("""
				DELETE FROM release_watch WHERE (banned_again_at IS NULL AND watch_until <= :now)
				OR banned_again_at < :keptFrom""")
			.param("now", utc(now))
			.param("keptFrom", utc(now.minus(KEPT_FOR)))
			.update();
	}

	Optional<Instant> watchedUntil(long jobId, Instant now) {
		return jdbc.sql("""
				SELECT MAX(watch_until) FROM release_watch
				WHERE job_id = :jobId AND banned_again_at IS NULL AND watch_until > :now""")
			.param("jobId", jobId)
			.param("now", utc(now))
			.query((rs, row) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)).map(OffsetDateTime::toInstant))
			.single();
	}

	List<Reban> ofJob(long jobId) {
		return jdbc.sql("SELECT " + REBAN_COLUMNS + " FROM release_watch WHERE job_id = :jobId"
				+ " AND banned_again_at IS NOT NULL ORDER BY banned_again_at, id")
			.param("jobId", jobId)
			.query(WatchRepository::reban)
			.list();
	}

	/** The address's new bans, newest first. */
	List<Reban> ofAddress(String address, int limit) {
		return latest("address = :value", address, limit);
	}

	/** The new bans seen since the time, newest first. */
	List<Reban> since(Instant since, int limit) {
		return latest("banned_again_at >= :value", utc(since), limit);
	}

	private List<Reban> latest(String condition, Object value, int limit) {
		return jdbc.sql("SELECT " + REBAN_COLUMNS + " FROM release_watch WHERE " + condition
				+ " AND banned_again_at IS NOT NULL ORDER BY banned_again_at DESC, id DESC FETCH FIRST :limit ROWS ONLY")
			.param("value", value)
			.param("limit", limit)
			.query(WatchRepository::reban)
			.list();
	}

	private static Watch watch(ResultSet rs, int row) throws SQLException {
		String jails = rs.getString("jails");
		return new Watch(rs.getLong("id"), host(rs), rs.getString("address"), rs.getLong("job_id"),
				jails.isEmpty() ? List.of() : Arrays.asList(jails.split(",")), instant(rs, "released_at"),
				instant(rs, "watch_until"));
	}

	private static Reban reban(ResultSet rs, int row) throws SQLException {
		return new Reban(host(rs), rs.getString("address"), rs.getString("banned_again_in"), rs.getLong("job_id"),
				instant(rs, "released_at"), instant(rs, "banned_again_at"));
	}

	private static HostName host(ResultSet rs) throws SQLException {
		return HostName.parse(rs.getString("host"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
