package org.unbanpanel.trust;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.unbanpanel.audit.AuditAction;
import org.unbanpanel.audit.AuditEvent;
import org.unbanpanel.audit.AuditTrail;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.jobs.ItemState;
import org.unbanpanel.jobs.JobService;
import org.unbanpanel.jobs.JobState;
import org.unbanpanel.jobs.JobView;
import org.unbanpanel.jobs.ReleaseRequest;
import org.unbanpanel.testsupport.Await;
import org.unbanpanel.testsupport.Fail2banServer;
import org.unbanpanel.testsupport.PanelApplication;
import org.unbanpanel.testsupport.PanelProcess;
import org.unbanpanel.testsupport.WithRealTools;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9: a panel that stops between the unban and the trust must not lose the trust. The panel runs in a JVM of its
 * own, on a fail2ban-client that holds back the trust's first read of an ignore list; right then, with the job's
 * release committed, the JVM is killed ({@code kill -9}). The panel started again on the same data folder gets the
 * outstanding event from the event publication registry and applies the trust.
 */
@WithRealTools
class TrustAfterCrashIntegrationTests {

	private static final Duration PATIENCE = Duration.ofMinutes(2);

	private static final String ADDRESS = "203.0.113.70";

	private final Fail2banServer server;

	private final Path directory = Path.of("target", "test-data", UUID.randomUUID().toString()).toAbsolutePath();

	private final Path dataDirectory = directory.resolve("data");

	private final Path heldBack = directory.resolve("trust-held-back");

	TrustAfterCrashIntegrationTests(Fail2banServer server) {
		this.server = server;
	}

	@AfterEach
	void releaseEverything() {
		server.unbanAll();
		for (String jail : Fail2banServer.JAILS) {
			if (server.ignoredIn(jail).contains(ADDRESS)) {
				server.client(List.of("set", jail, "delignoreip", ADDRESS));
			}
		}
	}

	@Test
	void appliesAfterARestartTheTrustOfAJobWhosePanelWasKilledBetweenTheUnbanAndTheTrust() throws Exception {
		server.ban("sshd", ADDRESS);
		server.ban("dovecot", ADDRESS);
		long id = queueWhileFail2banCannotBeReached();
		try (PanelProcess panel = PanelProcess.start(List.of(clientHoldingBackTheTrust().toString()), dataDirectory,
				"--panel.commands.timeout=60s")) {
			Await.until("the trust to reach fail2ban's ignore lists", PATIENCE, () -> Files.exists(heldBack));
			panel.kill();
		}
		Instant killed = Instant.now();
		assertThat(server.bannedIn("sshd")).as("released before the kill").isEmpty();
		assertThat(Fail2banServer.JAILS).as("not trusted before the kill")
			.allSatisfy(jail -> assertThat(server.ignoredIn(jail)).doesNotContain(ADDRESS));

		try (ConfigurableApplicationContext panel = PanelApplication.start(server, dataDirectory)) {
			Await.until("the panel started again to trust " + ADDRESS + " in every jail", PATIENCE,
					() -> Fail2banServer.JAILS.stream().allMatch(jail -> server.ignoredIn(jail).contains(ADDRESS)));
			JobView job = panel.getBean(JobService.class).find(id).orElseThrow();
			assertThat(job.state()).isEqualTo(JobState.DONE);
			assertThat(job.items()).singleElement().satisfies(item -> {
				assertThat(item.state()).isEqualTo(ItemState.UNBANNED);
				assertThat(item.jails()).containsExactly("sshd", "dovecot");
			});
			assertThat(job.finishedAt()).as("released and ended by the killed panel, not again").isBefore(killed);
			Await.until("the job's page to say so", PATIENCE,
					() -> panel.getBean(JobService.class).find(id).orElseThrow().trust().applied());
			assertThat(panel.getBean(AuditTrail.class).recent(50)).extracting(AuditEvent::action, AuditEvent::target)
				.contains(org.assertj.core.groups.Tuple.tuple(AuditAction.TRUSTED, ADDRESS));
		}
	}

	/**
	 * Queues the release with a trust of one hour in a panel whose fail2ban has no socket, so that the job waits for
	 * the panel in its own JVM, which resumes it on start.
	 */
	private long queueWhileFail2banCannotBeReached() {
		List<String> noServer = List.of(Fail2banServer.CLIENT, "-s", directory.resolve("no.sock").toString());
		try (ConfigurableApplicationContext panel = PanelApplication.start(noServer, dataDirectory)) {
			JobService jobs = panel.getBean(JobService.class);
			return jobs.submit(new ReleaseRequest(List.of(BanTarget.parse(ADDRESS)), List.of(), Duration.ofHours(1)),
					"alice", "203.0.113.1");
		}
	}

	/**
	 * The real fail2ban-client, except that the trust's first steps (the jail list, a read or change of an ignore
	 * list; the release uses none of them) mark that they came and then wait, as a panel that stops right then would
	 * never hear back.
	 */
	private Path clientHoldingBackTheTrust() throws IOException {
		Files.createDirectories(directory);
		return server.clientRunningFirst(directory.resolve("fail2ban-client"), """
				case " $* " in
				*" -- status "*|*" ignoreip "*|*" addignoreip "*) touch '%s'; exec sleep 600 ;;
				esac
				""".formatted(heldBack));
	}

}
