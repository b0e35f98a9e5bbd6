package org.unbanpanel.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

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
		OffsetDateTime at = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
		for (AuditEntry entry : entries) {
			jdbc.sql("""
					INSERT INTO audit_event (at, username, client_address, action, job_id, target, detail)
					VALUES (:at, :username, :clientAddress, :action, :jobId, :target, :detail)""")
				.param("at", at)
				.param("username", entry.username())
				.param("clientAddress", entry.clientAddress())
				.param("action", entry.action().name())
				.param("jobId", entry.jobId())
				.param("target", entry.target())
				.param("detail", entry.detail())
				.update();
		}
	}

	/** The latest events, newest first. */
	public List<AuditEvent> recent(int limit) {
		return jdbc.sql("""
				SELECT id, at, username, client_address, action, job_id, target, detail FROM audit_event
				ORDER BY at DESC, id DESC FETCH FIRST :limit ROWS ONLY""")
			.param("limit", limit)
			.query(AuditTrail::event)
			.list();
	}

	private static AuditEvent event(ResultSet row, int rowNumber) throws SQLException {
		return new AuditEvent(row.getLong("id"), row.getObject("at", OffsetDateTime.class).toInstant(),
				row.getString("username"), row.getString("client_address"),
				AuditAction.valueOf(row.getString("action")), row.getObject("job_id", Long.class),
				row.getString("target"), row.getString("detail"));
	}

}
