package org.unbanpanel.jobs;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.transaction.support.TransactionTemplate;
import org.unbanpanel.hosts.HostName;
import org.unbanpanel.testsupport.MutableClock;
import org.unbanpanel.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The queue's leases on a real H2 with the migrations: which jobs an instance may take up, for how long they are its
 * own, and what another instance may take over. Two instances here are two owners on one database.
 */
class JobLeasesTests {

	private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

	private static final Duration LEASE = Duration.ofSeconds(30);

	private final MutableClock clock = new MutableClock(START);

	private final TestDatabase database = new TestDatabase();

	private final JobRepository jobs = new JobRepository(database.jdbc());

	private final TransactionTemplate transactions = new TransactionTemplate(database.transactions());

	private final JobLeases panelA = leases("panel-a");

	private final JobLeases panelB = leases("panel-b");

	@Test
	void leasesAJobItTakesUpToItselfForTheLeaseDuration() {
		long id = submit();

		Job job = take(panelA).get(0);

		assertThat(job.id()).isEqualTo(id);
		assertThat(job.attempts()).isEqualTo(1);
		assertThat(lease(id)).isEqualTo("panel-a until " + START.plus(LEASE));
		assertThat(database.jdbc().sql("SELECT taken_by FROM unblock_job_attempt WHERE job_id = :id")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo("panel-a");
	}

	@Test
	void leavesAJobToTheInstanceThatHoldsItUntilItsLeaseRunsOut() {
		long id = submit();
		take(panelA);

		clock.advance(LEASE.minusSeconds(1));
		assertThat(take(panelB)).as("panel-a's lease holds").isEmpty();

		clock.advance(Duration.ofSeconds(1));
		assertThat(take(panelB)).extracting(Job::id, Job::attempts).containsExactly(tuple(id, 2));
		assertThat(lease(id)).isEqualTo("panel-b until " + clock.instant().plus(LEASE));
	}

	@Test
	void takesUpAtOnceWhatItLeftRunningItselfBeforeARestart() {
		long id = submit();
		take(panelA);
		clock.advance(Duration.ofSeconds(1));

		assertThat(take(leases("panel-a"))).extracting(Job::id).containsExactly(id);
	}

	@Test
	void takesUpAtOnceAJobLeftRunningByAPanelOlderThanLeases() {
		long id = submit();
		database.jdbc().sql("UPDATE unblock_job SET state = 'RUNNING', attempts = 1 WHERE id = :id").param("id", id).update();

		assertThat(take(panelB)).extracting(Job::id).containsExactly(id);
	}

	@Test
	void renewingPushesOnTheLeasesOfTheHeldJobsOnly() {
		long held = submit();
		long done = submit();
		take(panelA);
		panelA.hold(List.of(held, done));
		transactions.executeWithoutResult(status -> jobs.finish(done, JobState.DONE, clock.instant(), null));

		clock.advance(Duration.ofSeconds(20));
		panelA.renew();

		assertThat(lease(held)).isEqualTo("panel-a until " + clock.instant().plus(LEASE));
		assertThat(lease(done)).as("an ended job's lease is gone").isEqualTo("panel-a until null");
		clock.advance(LEASE.minusSeconds(1));
		assertThat(take(panelB)).isEmpty();
	}

	@Test
	void anInstanceWhoseLeaseWasTakenOverNeitherRenewsNorHoldsIt() {
		long id = submit();
		Job attemptOfA = take(panelA).get(0);
		panelA.hold(List.of(id));
		clock.advance(LEASE);
		take(panelB);

		panelA.renew();

		assertThat(lease(id)).isEqualTo("panel-b until " + clock.instant().plus(LEASE));
		Boolean stillHeld = transactions.execute(status -> jobs.lockHeld(attemptOfA, panelA.owner()));
		assertThat(stillHeld).isFalse();
		Job attemptOfB = jobs.lockQueued(id).orElse(null);
		assertThat(attemptOfB).as("running, not queued").isNull();
	}

	@Test
	void confirmingAnswersTheJobsStillHeldAndPushesOnTheirLeasesOnly() {
		long kept = submit();
		long lost = submit();
		List<Job> attempts = take(panelA);
		panelA.hold(List.of(kept, lost));
		clock.advance(LEASE);
		transactions.executeWithoutResult(status -> jobs.claim(List.of(lost), clock.instant(), panelB.owner(),
				panelB.expiry()));
		clock.advance(Duration.ofSeconds(1));

		assertThat(panelA.confirm(attempts)).as("a lease run out but not taken over is still held").containsExactly(kept);

		assertThat(lease(kept)).isEqualTo("panel-a until " + clock.instant().plus(LEASE));
		assertThat(lease(lost)).isEqualTo("panel-b until " + clock.instant().minusSeconds(1).plus(LEASE));
		assertThat(take(leases("panel-c"))).as("neither is due").isEmpty();
	}

	/** A renewal that waited for the rows this instance is storing, while holding others, could deadlock. */
	@Test
	void renewingSkipsAJobBeingStoredInsteadOfWaitingForIt() throws Exception {
		long stored = submit();
		long other = submit();
		List<Job> taken = take(panelA);
		panelA.hold(List.of(stored, other));
		CountDownLatch locked = new CountDownLatch(1);
		CountDownLatch renewed = new CountDownLatch(1);
		CompletableFuture<Void> storing = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
			jobs.lockHeld(taken.get(0), panelA.owner());
			locked.countDown();
			await(renewed);
		}));
		assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
		clock.advance(Duration.ofSeconds(20));

		panelA.renew();
		renewed.countDown();
		storing.get(10, TimeUnit.SECONDS);

		assertThat(lease(stored)).as("left for the next renewal").isEqualTo("panel-a until " + START.plus(LEASE));
		assertThat(lease(other)).isEqualTo("panel-a until " + clock.instant().plus(LEASE));
	}

	@Test
	void twoInstancesTakingUpAtOnceNeverTakeTheSameJob() throws Exception {
		long first = submit();
		long second = submit();
		CountDownLatch locked = new CountDownLatch(1);
		CountDownLatch taken = new CountDownLatch(1);
		CompletableFuture<List<Long>> a = CompletableFuture.supplyAsync(() -> transactions.execute(status -> {
			List<Long> ids = List.of(jobs.lockDue(clock.instant(), panelA.owner(), 1).get(0).id());
			locked.countDown();
			await(taken);
			jobs.claim(ids, clock.instant(), panelA.owner(), panelA.expiry());
			return ids;
		}));
		assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

		List<Long> b = take(panelB).stream().map(Job::id).toList();
		taken.countDown();

		assertThat(a.get(10, TimeUnit.SECONDS)).containsExactly(first);
		assertThat(b).as("the row panel-a has locked is skipped, not waited for").containsExactly(second);
	}

	@Test
	void refusesARenewalThatWouldComeAfterTheLeaseRanOut() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new JobLeaseProperties("a", Duration.ofSeconds(10), Duration.ofSeconds(10),
					Duration.ofSeconds(5)))
			.withMessageContaining("panel.jobs.lease.renew-every");
		assertThat(new JobLeaseProperties(" ", LEASE, Duration.ofSeconds(10), Duration.ofSeconds(5)).owner())
			.as("the host name by default")
			.isNotBlank();
	}

	private JobLeases leases(String owner) {
		return new JobLeases(jobs, new JobLeaseProperties(owner, LEASE, Duration.ofSeconds(10), Duration.ofSeconds(5)),
				database.transactions(), clock);
	}

	private long submit() {
		return transactions.execute(status -> jobs.insert("alice", "203.0.113.7", clock.instant(),
				List.of(new Target(ItemKind.IP, "192.0.2.1", HostName.LOCAL)), Duration.ZERO, List.of()));
	}

	/** As the runner takes up a batch: lock what is due, claim it, in one transaction. */
	private List<Job> take(JobLeases leases) {
		return transactions.execute(status -> {
			List<Long> ids = jobs.lockDue(clock.instant(), leases.owner(), 100)
				.stream()
				.map(JobRepository.DueJob::id)
				.toList();
			return ids.isEmpty() ? List.of() : jobs.claim(ids, clock.instant(), leases.owner(), leases.expiry());
		});
	}

	private String lease(long id) {
		return database.jdbc()
			.sql("SELECT lease_owner, lease_expires_at FROM unblock_job WHERE id = :id")
			.param("id", id)
			.query((row, number) -> row.getString(1) + " until "
					+ Optional.ofNullable(row.getObject(2, OffsetDateTime.class)).map(OffsetDateTime::toInstant).orElse(null))
			.single();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
