package org.unbanpanel.trust;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.unbanpanel.jobs.JobTrusts;

/**
 * Current trusts in the table {@code trust}, one row per host and address: a trust ends by deleting its row; and what
 * became of each job's trust on each host in {@code job_trust}.
 */
@Repository
class TrustRepository {

	private static final String COLUMNS = "id, host, target, created_at, expires_at, created_by, client_address, job_id, "
			+ "kept_in, applied";

	private final JdbcClient jdbc;

	TrustRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores a trust, or for an address trusted already, keeps the later of both ends and names the new grantor; the
	 * jails that held it before the first trust stay as they were recorded then, if they were known.
	 * @param keptIn the jails whose list held the address before, or {@code null} when fail2ban could not say
	 */
	void save(String host, String address, Instant createdAt, Instant expiresAt, String createdBy, String clientAddress, Long jobId,
			List<String> keptIn) {
		String kept = (keptIn != null) ? String.join(",", keptIn) : null;
		int updated = jdbc.sql("""
				UPDATE trust SET created_at = :createdAt, created_by = :createdBy, client_address = :clientAddress,
				job_id = :jobId, expires_at = CASE WHEN expires_at > :expiresAt THEN expires_at ELSE :expiresAt END,
				kept_in = COALESCE(kept_in, :keptIn) WHERE host = :host AND target = :address""")
			.param("host", host)
			.param("createdAt", utc(createdAt))
			.param("createdBy", createdBy)
			.param("clientAddress", clientAddress)
			.param("jobId", jobId)
			.param("expiresAt", utc(expiresAt))
			.param("keptIn", kept)
			.param("address", address)
			.update();
		if (updated == 0) {
			jdbc.sql("""
					INSERT INTO trust (host, target, created_at, expires_at, created_by, client_address, job_id, kept_in,
					applied) VALUES (:host, :address, :createdAt, :expiresAt, :createdBy, :clientAddress, :jobId,
					:keptIn, FALSE)""")
				.param("host", host)
				.param("address", address)
				.param("createdAt", utc(createdAt))
				.param("expiresAt", utc(expiresAt))
				.param("createdBy", createdBy)
				.param("clientAddress", clientAddress)
				.param("jobId", jobId)
				.param("keptIn", kept)
				.update();
		}
	}

	/** Learns, for a trust not applied yet, which jails ignored the address before. */
	void keptIn(long id, List<String> jails) {
		jdbc.sql("UPDATE trust SET kept_in = :keptIn WHERE id = :id AND kept_in IS NULL")
			.param("keptIn", String.join(",", jails))
			.param("id", id)
			.update();
	}

	/** Every ignore list of the host holds the addresses now. */
	void applied(String host, Collection<String> addresses) {
		if (!addresses.isEmpty()) {
			jdbc.sql("UPDATE trust SET applied = TRUE WHERE host = :host AND target IN (:addresses)")
				.param("host", host)
				.param("addresses", addresses)
				.update();
		}
	}

	/** Every current trust, the one ending first first. */
	List<Trust> all() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM trust ORDER BY expires_at, host, id").query(TrustRepository::trust).list();
	}

	int count() {
		return jdbc.sql("SELECT COUNT(*) FROM trust").query(Integer.class).single();
	}

	Optional<Trust> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM trust WHERE id = :id")
			.param("id", id)
			.query(TrustRepository::trust)
			.optional();
	}

	/** The trusts whose time has run out by {@code now}. */
	List<Trust> expiredBy(Instant now) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM trust WHERE expires_at <= :now ORDER BY expires_at, id")
			.param("now", utc(now))
			.query(TrustRepository::trust)
			.list();
	}

	void delete(Collection<Long> ids) {
		if (!ids.isEmpty()) {
			jdbc.sql("DELETE FROM trust WHERE id IN (:ids)").param("ids", ids).update();
		}
	}

	/** When the next trust ends, if any is left. */
	Optional<Instant> nextExpiry() {
		return jdbc.sql("SELECT MIN(expires_at) AS next FROM trust")
			.query((row, number) -> Optional.ofNullable(instant(row, "next")))
			.single();
	}

	/** What became of a job's trust on one host, as the job's page shows it. */
	void report(long jobId, String host, JobTrusts.Report report) {
		int updated = jdbc
			.sql("UPDATE job_trust SET applied = :applied, problem = :problem WHERE job_id = :jobId AND host = :host")
			.param("applied", report.applied())
			.param("problem", report.problem())
			.param("jobId", jobId)
			.param("host", host)
			.update();
		if (updated == 0) {
			jdbc.sql("INSERT INTO job_trust (job_id, host, applied, problem) VALUES (:jobId, :host, :applied, :problem)")
				.param("jobId", jobId)
				.param("host", host)
				.param("applied", report.applied())
				.param("problem", report.problem())
				.update();
		}
	}

	/** What became of a job's trust on each host it was asked for there, by host name. */
	Map<String, JobTrusts.Report> reports(long jobId) {
		Map<String, JobTrusts.Report> reports = new LinkedHashMap<>();
		jdbc.sql("SELECT host, applied, problem FROM job_trust WHERE job_id = :jobId ORDER BY host")
			.param("jobId", jobId)
			.query((row, number) -> reports.put(row.getString("host"),
					new JobTrusts.Report(row.getBoolean("applied"), row.getString("problem"))))
			.list();
		return reports;
	}

	private static Trust trust(ResultSet row, int number) throws SQLException {
		long jobId = row.getLong("job_id");
		Long job = row.wasNull() ? null : jobId;
		String keptIn = row.getString("kept_in");
		return new Trust(row.getLong("id"), row.getString("host"), row.getString("target"), instant(row, "created_at"),
				instant(row, "expires_at"), row.getString("created_by"), row.getString("client_address"), job,
				(keptIn == null) ? null : keptIn.isEmpty() ? List.of() : List.of(keptIn.split(",")),
				row.getBoolean("applied"));
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet row, String column) throws SQLException {
		OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
