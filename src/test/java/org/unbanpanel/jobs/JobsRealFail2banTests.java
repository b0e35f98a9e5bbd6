package org.unbanpanel.jobs;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.testsupport.Fail2banServer;
import org.unbanpanel.testsupport.PanelApplication;
import org.unbanpanel.testsupport.WithRealTools;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queue against the real private fail2ban-server, stopped and started again, or frozen ({@code kill -STOP}) so
 * that every fail2ban-client run times out. The panel reads both as "fail2ban cannot be reached".
 */
@WithRealTools
class JobsRealFail2banTests {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	/** For the one fail2ban-client run that finds fail2ban back and the job's own runs, on a busy machine. */
	private static final Duration SLACK = Duration.ofMillis(1_500);

	private final Fail2banServer server;

	private final Path dataDirectory = Path.of("target", "test-data", UUID.randomUUID().toString()).toAbsolutePath();

	JobsRealFail2banTests(Fail2banServer server) {
		this.server = server;
	}

	@AfterEach
	void releaseEverything() {
		server.ensureRunning();
		server.unbanAll();
	}

	@Test
	void resumesAfterARestartAJobTheStoppedPanelLeftQueued() throws InterruptedException {
		server.ban("sshd", "192.0.2.10");
		server.ban("dovecot", "192.0.2.10");
		server.stop();
		long id;
		try (ConfigurableApplicationContext panel = startPanel()) {
			JobService service = panel.getBean(JobService.class);
			id = service.submit(request("192.0.2.10"), "admin", "203.0.113.7");
			JobView waiting = Jobs.await(service, id, (job) -> job.attempts() > 0 && job.state() == JobState.QUEUED,
					PATIENCE);
			assertThat(waiting.items()).extracting(ItemView::state).containsExactly(ItemState.PENDING);
		}
		server.ensureRunning();

		try (ConfigurableApplicationContext panel = startPanel()) {
			JobView job = Jobs.awaitFinished(panel.getBean(JobService.class), id, PATIENCE);

			assertThat(job.state()).as(job::toString).isEqualTo(JobState.DONE);
			assertThat(job.items()).singleElement().satisfies((item) -> {
				assertThat(item.state()).isEqualTo(ItemState.UNBANNED);
				assertThat(item.jails()).containsExactlyInAnyOrder("sshd", "dovecot");
			});
		}
		assertThat(Fail2banServer.JAILS).allSatisfy((jail) -> assertThat(server.bannedIn(jail)).isEmpty());
	}

	@Test
	void waitsForAStoppedFail2banAndSucceedsWhenItIsStartedWithinTheRetryTime() throws InterruptedException {
		server.ban("sasl", "2001:db8::6", "198.51.100.4");
		server.stop();
		try (ConfigurableApplicationContext panel = startPanel()) {
			JobService service = panel.getBean(JobService.class);
			long id = service.submit(request("2001:db8::6", "198.51.100.4"), "admin", "203.0.113.7");
			awaitRetried(service, id);

			server.ensureRunning();
			JobView job = Jobs.awaitFinished(service, id, PATIENCE);

			assertThat(job.state()).as(job::toString).isEqualTo(JobState.DONE);
			assertThat(job.items()).extracting(ItemView::state).containsOnly(ItemState.UNBANNED);
		}
		assertThat(server.bannedIn("sasl")).isEmpty();
	}

	/**
	 * The back-off has grown to 8 s (waits of 1, 2 and 4 s before); the health check that watches fail2ban meanwhile
	 * finds it back within a second and wakes the worker, which runs the job at once.
	 */
	@Test
	void runsAWaitingJobWithinTwoSecondsOfFail2banComingBackNotAtTheEndOfItsBackOff() throws InterruptedException {
		server.ban("apache", "198.51.100.77");
		server.stop();
		try (ConfigurableApplicationContext panel = startPanel()) {
			JobService service = panel.getBean(JobService.class);
			long id = service.submit(request("198.51.100.77"), "admin", "203.0.113.7");
			JobView waiting = Jobs.await(service, id, (job) -> job.attempts() >= 4 && job.state() == JobState.QUEUED,
					PATIENCE);
			Instant lastAttempt = waiting.attemptTimes().get(waiting.attemptTimes().size() - 1);
			assertThat(Duration.between(lastAttempt, waiting.nextAttemptAt())).isGreaterThan(Duration.ofSeconds(2));

			server.ensureRunning();
			Instant back = Instant.now();
			JobView job = Jobs.awaitFinished(service, id, PATIENCE);

			assertThat(job.state()).as(job::toString).isEqualTo(JobState.DONE);
			assertThat(job.items()).singleElement().satisfies((item) -> assertThat(item.jails()).containsExactly("apache"));
			assertThat(Duration.between(back, job.finishedAt())).as("from fail2ban back to the job done")
				.isLessThan(Duration.ofSeconds(2).plus(SLACK));
			assertThat(job.finishedAt()).as("before the back-off's next attempt").isBefore(waiting.nextAttemptAt());
			assertThat(job.attemptTimes()).hasSize(waiting.attempts() + 1);
		}
		assertThat(server.bannedIn("apache")).isEmpty();
	}

	@Test
	void waitsForAHungFail2banAndSucceedsWhenItAnswersAgain() throws InterruptedException {
		server.ban("mxcp", "203.0.113.99");
		server.pause();
		try (ConfigurableApplicationContext panel = startPanel()) {
			JobService service = panel.getBean(JobService.class);
			long id = service.submit(request("203.0.113.99"), "admin", "203.0.113.7");
			awaitRetried(service, id);

			server.resume();
			JobView job = Jobs.awaitFinished(service, id, PATIENCE);

			assertThat(job.state()).as(job::toString).isEqualTo(JobState.DONE);
		}
		assertThat(server.bannedIn("mxcp")).isEmpty();
	}

	/** Waits until the job has been tried more than once and is queued again, still pending. */
	private static void awaitRetried(JobService service, long id) throws InterruptedException {
		JobView waiting = Jobs.await(service, id, (job) -> job.attempts() > 1 && job.state() == JobState.QUEUED,
				PATIENCE);
		assertThat(waiting.failure().code()).isEqualTo("waiting");
		assertThat(waiting.failure().message().english()).startsWith("fail2ban is not");
		assertThat(waiting.items()).extracting(ItemView::state).containsOnly(ItemState.PENDING);
	}

	private ConfigurableApplicationContext startPanel() {
		return PanelApplication.start(server, dataDirectory);
	}

	private static ReleaseRequest request(String... addresses) {
		return new ReleaseRequest(List.of(addresses).stream().map(BanTarget::parse).toList(), List.of());
	}

}
