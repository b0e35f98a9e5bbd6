package org.unbanpanel.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;
import org.unbanpanel.hosts.HostName;
import org.unbanpanel.fail2ban.HeldBan;
import org.unbanpanel.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

class JobRepositoryTests {

	private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

	private static final int JOBS = 300;

	private final TestDatabase database = new TestDatabase();

	private final JobRepository jobs = new JobRepository(database.jdbc());

	private final TransactionTemplate transactions = new TransactionTemplate(database.transactions());

	/**
	 * A page reads jobs while the worker ends them: one thread ends job after job, as the worker does, each once this
	 * one has read it, while this one keeps reading the job being ended. No read may show a finished job with a line
	 * still pending.
	 */
	@Test
	void aJobReadAsFinishedAlwaysComesWithItsFinalLines() {
		List<Target> targets = List.of(new Target(ItemKind.IP, "192.0.2.1", HostName.LOCAL), new Target(ItemKind.ACCOUNT, "admin", HostName.LOCAL));
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < JOBS; i++) {
			ids.add(transactions.execute(status -> jobs.insert("alice", "203.0.113.7", NOW, targets, Duration.ZERO,
					List.of())));
		}
		AtomicLong ending = new AtomicLong(ids.get(0));
		AtomicLong lastRead = new AtomicLong();
		CompletableFuture<Void> worker = CompletableFuture.runAsync(() -> ids.forEach(id -> {
			ending.set(id);
			awaitRead(lastRead, id);
			endAsTheWorkerDoes(id);
		}));

		List<JobView> inconsistent = new ArrayList<>();
		int reads = 0;
		while (!worker.isDone()) {
			long id = ending.get();
			JobView job = jobs.find(id).orElseThrow();
			lastRead.set(id);
			reads++;
			if (job.finished() && job.items().stream().anyMatch(item -> item.state() == ItemState.PENDING)) {
				inconsistent.add(job);
			}
		}
		worker.join();

		assertThat(reads).isGreaterThanOrEqualTo(JOBS);
		assertThat(inconsistent).isEmpty();
	}

	private static void awaitRead(AtomicLong lastRead, long id) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (lastRead.get() != id) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("job " + id + " was never read");
			}
			Thread.onSpinWait();
		}
	}

	private void endAsTheWorkerDoes(long id) {
		transactions.executeWithoutResult(status -> {
			jobs.items(List.of(id)).forEach(item -> jobs.store(item.with(ItemResult.released(
					List.of(new ItemBan("sshd", item.target().value(), HeldBan.Overlap.OWN, ItemBan.Outcome.RELEASED)),
					null))));
			jobs.finish(id, JobState.DONE, NOW, null);
		});
	}

}
