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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.unbanpanel.core.StoredExplanation;
import org.unbanpanel.fail2ban.HeldBan;
import org.unbanpanel.hosts.HostName;

/**
 * Jobs and their items in the tables {@code unblock_job}, {@code unblock_job_jail}, {@code unblock_item} and
 * {@code item_ban}: one item per value and host, one row per ban an item met, so that a value's result is data, never
 * text to split.
 */
@Repository
class JobRepository {

	/** A job the worker may take up now, with the number of its values still to handle. */
	record DueJob(long id, int pendingValues) {
	}

	private static final String ITEM_COLUMNS = "id, job_id, host, kind, target, state, failures_cleared, "
			+ "error_code, error_message";

	private final JdbcClient jdbc;

	JobRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores a queued job and its pending items; call it inside a transaction. */
	long insert(String submittedBy, String clientAddress, Instant createdAt, List<Target> targets, Duration trustFor,
			List<String> jails) {
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
		for (String jail : jails) {
			jdbc.sql("INSERT INTO unblock_job_jail (job_id, jail) VALUES (:jobId, :jail)")
				.param("jobId", jobId)
				.param("jail", jail)
				.update();
		}
		for (Target target : targets) {
			jdbc.sql("""
					INSERT INTO unblock_item (job_id, host, kind, target, state)
					VALUES (:jobId, :host, :kind, :target, 'PENDING')""")
				.param("jobId", jobId)
				.param("host", target.host().value())
				.param("kind", target.kind().name())
				.param("target", target.value())
				.update();
		}
		return jobId;
	}

	/**
	 * Locks the jobs this instance may take up now, oldest first and at most {@code limit}: queued ones whose time
	 * has come, and running ones whose lease has run out (their instance died), is held by {@code owner} itself (left
	 * by its own previous run) or was never taken (left by a panel older than leases). Rows another transaction has
	 * locked are skipped ({@code FOR UPDATE SKIP LOCKED}), so that two instances never take the same job; call it inside
	 * the transaction that {@link #claim claims} them.
	 */
	List<DueJob> lockDue(Instant now, String owner, int limit) {
		List<Long> ids = jdbc.sql("""
				SELECT id FROM unblock_job
				WHERE (state = 'QUEUED' AND next_attempt_at <= :now)
				OR (state = 'RUNNING' AND (lease_expires_at IS NULL OR lease_expires_at <= :now OR lease_owner = :owner))
				ORDER BY id FETCH FIRST :limit ROWS ONLY FOR UPDATE SKIP LOCKED""")
			.param("now", utc(now))
			.param("owner", owner)
			.param("limit", limit)
			.query(Long.class)
			.list();
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, Integer> pending = new HashMap<>();
		jdbc.sql("""
				SELECT job_id, COUNT(*) AS pending FROM unblock_item WHERE job_id IN (:ids) AND state = 'PENDING'
				GROUP BY job_id""")
			.param("ids", ids)
			.query((row, number) -> pending.put(row.getLong("job_id"), row.getInt("pending")))
			.list();
		return ids.stream().map(id -> new DueJob(id, pending.getOrDefault(id, 0))).toList();
	}

	/** Marks the jobs running, leased to {@code owner} until {@code leaseUntil}, and counts the attempt. */
	List<Job> claim(Collection<Long> ids, Instant now, String owner, Instant leaseUntil) {
		jdbc.sql("""
				UPDATE unblock_job SET state = 'RUNNING', attempts = attempts + 1,
				started_at = COALESCE(started_at, :now), lease_owner = :owner, lease_expires_at = :until
				WHERE id IN (:ids)""")
			.param("now", utc(now))
			.param("owner", owner)
			.param("until", utc(leaseUntil))
			.param("ids", ids)
			.update();
		for (long id : ids) {
			jdbc.sql("""
					INSERT INTO unblock_job_attempt (job_id, attempt, attempted_at, taken_by)
					SELECT id, attempts, :now, :owner FROM unblock_job WHERE id = :id""")
				.param("now", utc(now))
				.param("owner", owner)
				.param("id", id)
				.update();
		}
		return jobs("id IN (:ids)", ids);
	}

	/**
	 * Pushes on the leases {@code owner} holds on these jobs, as long as they run. A job whose row another transaction
	 * has locked (this instance storing what it did) is skipped this time, never waited for: a renewal that waited
	 * while holding rows could deadlock with that transaction. Call it inside a transaction.
	 * @return how many it pushed on
	 */
	int renew(Collection<Long> ids, String owner, Instant leaseUntil) {
		List<Long> held = jdbc.sql("""
				SELECT id FROM unblock_job WHERE id IN (:ids) AND state = 'RUNNING' AND lease_owner = :owner
				ORDER BY id FOR UPDATE SKIP LOCKED""")
			.param("ids", ids)
			.param("owner", owner)
			.query(Long.class)
			.list();
		if (held.isEmpty()) {
			return 0;
		}
		return jdbc.sql("UPDATE unblock_job SET lease_expires_at = :until WHERE id IN (:ids)")
			.param("until", utc(leaseUntil))
			.param("ids", held)
			.update();
	}

	/**
	 * Of these attempts, the ones {@code owner} still holds, their leases pushed on in one UPDATE; their rows stay locked
	 * until the transaction ends, so that no other instance takes them over meanwhile. Unlike {@link #renew} it waits
	 * for a row another transaction has locked (an instance taking the job over), the rows in order of id so that two
	 * such calls never deadlock. Call it inside a transaction.
	 * @return the ids of the jobs whose attempt {@code owner} still holds
	 */
	Set<Long> confirm(Collection<Job> attempts, String owner, Instant leaseUntil) {
		Map<Long, Integer> attemptById = attempts.stream()
			.collect(Collectors.toMap(Job::id, Job::attempts, (first, second) -> first));
		Set<Long> held = jdbc.sql("""
				SELECT id, attempts FROM unblock_job WHERE id IN (:ids) AND state = 'RUNNING' AND lease_owner = :owner
				ORDER BY id FOR UPDATE""")
			.param("ids", attemptById.keySet())
			.param("owner", owner)
			.query((row, number) -> Map.entry(row.getLong("id"), row.getInt("attempts")))
			.list()
			.stream()
			.filter(row -> row.getValue().equals(attemptById.get(row.getKey())))
			.map(Map.Entry::getKey)
			.collect(Collectors.toCollection(LinkedHashSet::new));
		if (!held.isEmpty()) {
			jdbc.sql("UPDATE unblock_job SET lease_expires_at = :until WHERE id IN (:ids)")
				.param("until", utc(leaseUntil))
				.param("ids", held)
				.update();
		}
		return held;
	}

	/**
	 * Whether {@code owner} still holds this attempt at the job, which another instance takes over only once the lease
	 * has run out; if so, the job's row stays locked until the transaction ends, so that no other instance can take it
	 * meanwhile. Call it first in a transaction that stores what the attempt did: when it answers {@code false}, store
	 * nothing, the job is another instance's now.
	 */
	boolean lockHeld(Job job, String owner) {
		return jdbc.sql("""
				UPDATE unblock_job SET lease_owner = lease_owner
				WHERE id = :id AND state = 'RUNNING' AND lease_owner = :owner AND attempts = :attempts""")
			.param("id", job.id())
			.param("owner", owner)
			.param("attempts", job.attempts())
			.update() == 1;
	}

	/** The job, if it is queued, its row locked until the transaction ends: no instance takes it up meanwhile. */
	Optional<Job> lockQueued(long id) {
		boolean queued = jdbc.sql("SELECT id FROM unblock_job WHERE id = :id AND state = 'QUEUED' FOR UPDATE")
			.param("id", id)
			.query(Long.class)
			.optional()
			.isPresent();
		return queued ? jobs("id IN (:ids)", List.of(id)).stream().findFirst() : Optional.empty();
	}

	private List<Job> jobs(String condition, Collection<Long> ids) {
		Map<Long, List<String>> jails = jails(ids);
		return jdbc.sql("SELECT id, submitted_by, client_address, created_at, attempts, trust_seconds FROM unblock_job "
				+ "WHERE " + condition + " ORDER BY id")
			.param("ids", ids)
			.query((row, number) -> new Job(row.getLong("id"), row.getString("submitted_by"),
					row.getString("client_address"), instant(row, "created_at"), row.getInt("attempts"),
					Duration.ofSeconds(row.getLong("trust_seconds")), jails.getOrDefault(row.getLong("id"), List.of())))
			.list();
	}

	/** All items of the jobs with their bans, in the order they were submitted. */
	List<Item> items(Collection<Long> jobIds) {
		Map<Long, List<ItemBan>> bans = jdbc.sql("""
				SELECT b.item_id, b.jail, b.entry, b.overlap, b.outcome FROM item_ban b
				JOIN unblock_item i ON i.id = b.item_id WHERE i.job_id IN (:ids) ORDER BY b.id""")
			.param("ids", jobIds)
			.query((row, number) -> Map.entry(row.getLong("item_id"),
					new ItemBan(row.getString("jail"), row.getString("entry"),
							HeldBan.Overlap.valueOf(row.getString("overlap")),
							ItemBan.Outcome.valueOf(row.getString("outcome")))))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey, LinkedHashMap::new,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
		return jdbc.sql("SELECT " + ITEM_COLUMNS + " FROM unblock_item WHERE job_id IN (:ids) ORDER BY id")
			.param("ids", jobIds)
			.query((row, number) -> item(row, bans.getOrDefault(row.getLong("id"), List.of())))
			.list();
	}

	/** Stores the item's result as it is now: its state, failures cleared and error, and its bans in place of the old. */
	void store(Item item) {
		ItemResult result = item.result();
		Failure error = result.error();
		jdbc.sql("""
				UPDATE unblock_item SET state = :state, failures_cleared = :failures, error_code = :code,
				error_message = :message WHERE id = :id""")
			.param("state", result.state().name())
			.param("failures", result.failures())
			.param("code", (error != null) ? error.code() : null)
			.param("message", (error != null) ? StoredExplanation.write(error.message()) : null)
			.param("id", item.id())
			.update();
		jdbc.sql("DELETE FROM item_ban WHERE item_id = :id").param("id", item.id()).update();
		for (ItemBan ban : result.bans()) {
			jdbc.sql("""
					INSERT INTO item_ban (item_id, jail, entry, overlap, outcome)
					VALUES (:itemId, :jail, :entry, :overlap, :outcome)""")
				.param("itemId", item.id())
				.param("jail", ban.jail())
				.param("entry", ban.entry())
				.param("overlap", ban.overlap().name())
				.param("outcome", ban.outcome().name())
				.update();
		}
	}

	/**
	 * Stores why a pending item waits (its host could not be reached), and nothing else of it: the bans it was seen to
	 * hold are what the attempt stored before it released anything.
	 */
	void waits(long itemId, Failure reason) {
		jdbc.sql("""
				UPDATE unblock_item SET error_code = :code, error_message = :message
				WHERE id = :id AND state = 'PENDING'""")
			.param("code", reason.code())
			.param("message", StoredExplanation.write(reason.message()))
			.param("id", itemId)
			.update();
	}

	/** Puts a job back in the queue after an attempt that could not finish it. */
	void requeue(long jobId, Instant nextAttemptAt, Failure reason) {
		jdbc.sql("""
				UPDATE unblock_job SET state = 'QUEUED', next_attempt_at = :next, failure_code = :code,
				failure_reason = :message, lease_expires_at = NULL WHERE id = :id""")
			.param("next", utc(nextAttemptAt))
			.param("code", reason.code())
			.param("message", StoredExplanation.write(reason.message()))
			.param("id", jobId)
			.update();
	}

	/** @param failure why it failed, or {@code null} */
	void finish(long jobId, JobState state, Instant finishedAt, Failure failure) {
		jdbc.sql("""
				UPDATE unblock_job SET state = :state, finished_at = :finishedAt, failure_code = :code,
				failure_reason = :message, lease_expires_at = NULL WHERE id = :id""")
			.param("state", state.name())
			.param("finishedAt", utc(finishedAt))
			.param("code", (failure != null) ? failure.code() : null)
			.param("message", (failure != null) ? StoredExplanation.write(failure.message()) : null)
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
				next_attempt_at, failure_code, failure_reason, trust_seconds FROM unblock_job WHERE id = :id""")
			.param("id", id)
			.query((row, number) -> new JobView(row.getLong("id"), JobState.valueOf(row.getString("state")),
					row.getString("submitted_by"), row.getString("client_address"), instant(row, "created_at"),
					instant(row, "started_at"), instant(row, "finished_at"), row.getInt("attempts"),
					instant(row, "next_attempt_at"), failure(row, "failure_code", "failure_reason"), List.of(),
					Duration.ofSeconds(row.getLong("trust_seconds")), List.of(), null, List.of(), null))
			.optional()
			.map(job -> job.with(items(List.of(id)).stream().map(Item::view).toList(),
					jails(List.of(id)).getOrDefault(id, List.of()), attemptTimes(id)));
	}

	private List<Instant> attemptTimes(long jobId) {
		return jdbc.sql("SELECT attempted_at FROM unblock_job_attempt WHERE job_id = :id ORDER BY attempt")
			.param("id", jobId)
			.query((row, number) -> instant(row, "attempted_at"))
			.list();
	}

	/**
	 * A queued job that waits for the local machine's fail2ban: an address of it there waits because fail2ban could
	 * not be reached (a job that waits only for another host, or for a part that did not finish, keeps its back-off).
	 */
	private static final String WAITS_FOR_LOCAL_FAIL2BAN = """
			state = 'QUEUED' AND EXISTS (SELECT 1 FROM unblock_item i WHERE i.job_id = unblock_job.id
			AND i.state = 'PENDING' AND i.host = 'local' AND i.kind = 'IP' AND i.error_code = '""" + Failure.WAITING + "')";

	/** Makes every job that waits for the local fail2ban ({@link #nextAttemptForFail2ban}) due now. */
	void dueNowForFail2ban(Instant now) {
		jdbc.sql("UPDATE unblock_job SET next_attempt_at = :now WHERE next_attempt_at > :now AND "
				+ WAITS_FOR_LOCAL_FAIL2BAN)
			.param("now", utc(now))
			.update();
	}

	/** When the earliest job that waits for the local machine's fail2ban is due, if any waits for it. */
	Optional<Instant> nextAttemptForFail2ban() {
		return jdbc.sql("SELECT MIN(next_attempt_at) AS next FROM unblock_job WHERE " + WAITS_FOR_LOCAL_FAIL2BAN)
			.query((row, number) -> Optional.ofNullable(instant(row, "next")))
			.single();
	}

	/** Makes the job due now if it is queued. @return whether it is */
	boolean dueNow(long jobId, Instant now) {
		return jdbc.sql("""
				UPDATE unblock_job SET next_attempt_at = LEAST(next_attempt_at, :now)
				WHERE id = :id AND state = 'QUEUED'""")
			.param("now", utc(now))
			.param("id", jobId)
			.update() == 1;
	}

	/** How many jobs are queued: not taken up yet, or waiting for fail2ban to come back. */
	int countQueued() {
		return jdbc.sql("SELECT COUNT(*) FROM unblock_job WHERE state = 'QUEUED'").query(Integer.class).single();
	}

	/** The latest jobs, newest first; a value released on several hosts counts once. */
	List<JobSummary> recent(int limit) {
		return jdbc.sql("""
				SELECT j.id, j.state, j.submitted_by, j.client_address, j.created_at, j.finished_at,
				COUNT(DISTINCT CASE WHEN i.kind = 'IP' THEN i.target END) AS addresses,
				COUNT(DISTINCT CASE WHEN i.kind = 'ACCOUNT' THEN i.target END) AS accounts,
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
				SELECT job_id, target FROM (SELECT job_id, target,
				ROW_NUMBER() OVER (PARTITION BY job_id ORDER BY MIN(id)) AS n
				FROM unblock_item WHERE job_id IN (:ids) GROUP BY job_id, target) numbered
				WHERE n <= :shown ORDER BY job_id, n""")
			.param("ids", summaries.stream().map(JobSummary::id).toList())
			.param("shown", JobSummary.SHOWN)
			.query((row, number) -> values.computeIfAbsent(row.getLong("job_id"), id -> new ArrayList<>())
				.add(row.getString("target")))
			.list();
		return summaries.stream().map(job -> job.withFirstValues(values.getOrDefault(job.id(), List.of()))).toList();
	}

	private Map<Long, List<String>> jails(Collection<Long> jobIds) {
		return jdbc.sql("SELECT job_id, jail FROM unblock_job_jail WHERE job_id IN (:ids) ORDER BY jail")
			.param("ids", jobIds)
			.query((row, number) -> Map.entry(row.getLong("job_id"), row.getString("jail")))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
	}

	private static Item item(ResultSet row, List<ItemBan> bans) throws SQLException {
		Target target = new Target(ItemKind.valueOf(row.getString("kind")), row.getString("target"),
				HostName.parse(row.getString("host")));
		ItemResult result = new ItemResult(ItemState.valueOf(row.getString("state")), bans,
				row.getInt("failures_cleared"), failure(row, "error_code", "error_message"));
		return new Item(row.getLong("id"), row.getLong("job_id"), target, result);
	}

	private static Failure failure(ResultSet row, String codeColumn, String messageColumn) throws SQLException {
		String code = row.getString(codeColumn);
		return (code != null) ? new Failure(code, StoredExplanation.read(row.getString(messageColumn))) : null;
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet row, String column) throws SQLException {
		OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
