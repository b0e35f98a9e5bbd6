package org.unbanpanel.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Jobs and their items in the tables {@code unblock_job} and {@code unblock_item}.
 */
@Repository
class JobRepository {

	/** A job the worker may take up now, with the number of its values still to handle. */
	record DueJob(long id, int pendingValues) {
	}

	private final JdbcClient jdbc;

	JobRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores a queued job and its pending items; call it inside a transaction. */
	long insert(String submittedBy, String clientAddress, Instant createdAt, List<Target> targets, Duration trustFor) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO unblock_job (state, submitted_by, client_address, created_at, attempts, next_attempt_at,
				trust_seconds) VALUES ('QUEUED', :submittedBy, :clientAddress, :createdAt, 0, :createdAt, :trust)""")
			.param("submittedBy", submittedBy)
			.param("clientAddress", clientAddress)
			.param("createdAt", utc(createdAt))
			.param("trust", trustFor.toSeconds())
			.update(key, "id");
		long jobId = key.getKeyAs(Long.class);
		for (Target target : targets) {
			jdbc.sql("""
					INSERT INTO unblock_item (job_id, kind, target, state)
					VALUES (:jobId, :kind, :target, 'PENDING')""")
				.param("jobId", jobId)
				.param("kind", target.kind().name())
				.param("target", target.value())
				.update();
		}
		return jobId;
	}

	/** Jobs queued, or left running by a stopped panel, whose time has come; oldest first. */
	List<DueJob> due(Instant now) {
		return jdbc.sql("""
				SELECT j.id, COUNT(i.id) AS pending FROM unblock_job j
				LEFT JOIN unblock_item i ON i.job_id = j.id AND i.state = 'PENDING'
				WHERE j.state IN ('QUEUED', 'RUNNING') AND j.next_attempt_at <= :now
				GROUP BY j.id ORDER BY j.id""")
			.param("now", utc(now))
			.query((row, number) -> new DueJob(row.getLong("id"), row.getInt("pending")))
			.list();
	}

	/** Marks the jobs running and counts the attempt. */
	List<Job> claim(Collection<Long> ids, Instant now) {
		jdbc.sql("""
				UPDATE unblock_job SET state = 'RUNNING', attempts = attempts + 1,
				started_at = COALESCE(started_at, :now) WHERE id IN (:ids)""")
			.param("now", utc(now))
			.param("ids", ids)
			.update();
		return jdbc.sql("""
				SELECT id, submitted_by, client_address, created_at, attempts, trust_seconds FROM unblock_job
				WHERE id IN (:ids) ORDER BY id""")
			.param("ids", ids)
			.query((row, number) -> new Job(row.getLong("id"), row.getString("submitted_by"),
					row.getString("client_address"), instant(row, "created_at"), row.getInt("attempts"),
					Duration.ofSeconds(row.getLong("trust_seconds"))))
			.list();
	}

	/** All items of the jobs, in the order they were submitted. */
	List<Item> items(Collection<Long> jobIds) {
		return jdbc.sql("""
				SELECT id, job_id, kind, target, state, detail FROM unblock_item
				WHERE job_id IN (:ids) ORDER BY id""")
			.param("ids", jobIds)
			.query(JobRepository::item)
			.list();
	}

	void store(Item item) {
		jdbc.sql("UPDATE unblock_item SET state = :state, detail = :detail WHERE id = :id")
			.param("state", item.result().state().name())
			.param("detail", item.result().detail())
			.param("id", item.id())
			.update();
	}

	/** Puts a job back in the queue after an attempt that could not finish it. */
	void requeue(long jobId, Instant nextAttemptAt, String reason) {
		jdbc.sql("""
				UPDATE unblock_job SET state = 'QUEUED', next_attempt_at = :next, failure_reason = :reason
				WHERE id = :id""")
			.param("next", utc(nextAttemptAt))
			.param("reason", reason)
			.param("id", jobId)
			.update();
	}

	void finish(long jobId, JobState state, Instant finishedAt, String reason) {
		jdbc.sql("""
				UPDATE unblock_job SET state = :state, finished_at = :finishedAt, failure_reason = :reason
				WHERE id = :id""")
			.param("state", state.name())
			.param("finishedAt", utc(finishedAt))
			.param("reason", reason)
			.param("id", jobId)
			.update();
	}

	/** When the earliest queued job is due. */
	Optional<Instant> nextAttempt() {
		return jdbc.sql("SELECT MIN(next_attempt_at) AS next FROM unblock_job WHERE state = 'QUEUED'")
			.query((row, number) -> Optional.ofNullable(instant(row, "next")))
			.single();
	}

	/**
	 * The job with its lines. Its row is read first: the worker stores a job's last lines in the transaction that ends
	 * it, so a job read as finished always comes with its final lines (read the other way round, a job that ended in
	 * between showed as done with lines still pending).
	 */
	Optional<JobView> find(long id) {
		return jdbc.sql("""
				SELECT id, state, submitted_by, client_address, created_at, started_at, finished_at, attempts,
				next_attempt_at, failure_reason, trust_seconds, trust_problem FROM unblock_job WHERE id = :id""")
			.param("id", id)
			.query((row, number) -> new JobView(row.getLong("id"), JobState.valueOf(row.getString("state")),
					row.getString("submitted_by"), row.getString("client_address"), instant(row, "created_at"),
					instant(row, "started_at"), instant(row, "finished_at"), row.getInt("attempts"),
					instant(row, "next_attempt_at"), row.getString("failure_reason"), List.of(),
					Duration.ofSeconds(row.getLong("trust_seconds")), row.getString("trust_problem")))
			.optional()
			.map(job -> job.withItems(items(List.of(id)).stream().map(Item::view).toList()));
	}

	void trustFailed(long id, String problem) {
		jdbc.sql("UPDATE unblock_job SET trust_problem = :problem WHERE id = :id")
			.param("id", id)
			.param("problem", problem)
			.update();
	}

	/** The latest jobs, newest first. */
	List<JobSummary> recent(int limit) {
		return jdbc.sql("""
				SELECT j.id, j.state, j.submitted_by, j.client_address, j.created_at, j.finished_at,
				SUM(CASE WHEN i.kind = 'IP' THEN 1 ELSE 0 END) AS addresses,
				SUM(CASE WHEN i.kind = 'ACCOUNT' THEN 1 ELSE 0 END) AS accounts,
				SUM(CASE WHEN i.state = 'FAILED' THEN 1 ELSE 0 END) AS failed
				FROM unblock_job j LEFT JOIN unblock_item i ON i.job_id = j.id
				GROUP BY j.id, j.state, j.submitted_by, j.client_address, j.created_at, j.finished_at
				ORDER BY j.id DESC FETCH FIRST :limit ROWS ONLY""")
			.param("limit", limit)
			.query((row, number) -> new JobSummary(row.getLong("id"), JobState.valueOf(row.getString("state")),
					row.getString("submitted_by"), row.getString("client_address"), instant(row, "created_at"),
					instant(row, "finished_at"), row.getInt("addresses"), row.getInt("accounts"), row.getInt("failed"),
					List.of()))
			.list();
	}

	/** The jobs with their first values named, read in one query for all of them. */
	List<JobSummary> withFirstValues(List<JobSummary> summaries) {
		if (summaries.isEmpty()) {
			return summaries;
		}
		Map<Long, List<String>> values = new HashMap<>();
		jdbc.sql("""
				SELECT job_id, target FROM (SELECT job_id, target, ROW_NUMBER() OVER (PARTITION BY job_id ORDER BY id) AS n
				FROM unblock_item WHERE job_id IN (:ids)) numbered WHERE n <= :shown ORDER BY job_id, n""")
			.param("ids", summaries.stream().map(JobSummary::id).toList())
			.param("shown", JobSummary.SHOWN)
			.query((row, number) -> values.computeIfAbsent(row.getLong("job_id"), id -> new ArrayList<>())
				.add(row.getString("target")))
			.list();
		return summaries.stream().map(job -> job.withFirstValues(values.getOrDefault(job.id(), List.of()))).toList();
	}

	private static Item item(ResultSet row, int number) throws SQLException {
		Target target = new Target(ItemKind.valueOf(row.getString("kind")), row.getString("target"));
		ItemResult result = new ItemResult(ItemState.valueOf(row.getString("state")), row.getString("detail"));
		return new Item(row.getLong("id"), row.getLong("job_id"), target, result);
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet row, String column) throws SQLException {
		OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
