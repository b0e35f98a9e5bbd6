package org.unbanpanel.jobs;

import java.nio.file.Path;
import java.time.Duration;
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
