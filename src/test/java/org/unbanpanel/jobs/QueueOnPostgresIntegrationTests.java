package org.unbanpanel.jobs;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unbanpanel.audit.AuditAction;
import org.unbanpanel.audit.AuditEvent;
import org.unbanpanel.audit.AuditTrail;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.testsupport.Await;
import org.unbanpanel.testsupport.Fail2banServer;
import org.unbanpanel.testsupport.PanelApplication;
import org.unbanpanel.testsupport.PostgresServer;
import org.unbanpanel.testsupport.WithPostgres;
import org.unbanpanel.testsupport.WithRealTools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Issue 14: the panel as production starts it with {@code spring.datasource.*} pointed at a real PostgreSQL (the only
 * switch): Flyway migrates the empty database, and a release job runs against the private fail2ban-server, its events
 * going through the event publication registry in the same database to the audit trail.
 */
@WithRealTools
@WithPostgres
class QueueOnPostgresIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private static final String ADDRESS = "203.0.113.80";

	private final Fail2banServer server;

	private final PostgresServer postgres;

	QueueOnPostgresIntegrationTests(Fail2banServer server, PostgresServer postgres) {
		this.server = server;
		this.postgres = postgres;
	}

	@Test
	void releasesAnAddressHeldByTwoJailsWithTheQueueInPostgres() throws Exception {
		server.ban("sshd", ADDRESS);
		server.ban("dovecot", ADDRESS);
		Path data = Path.of("target", "test-data", UUID.randomUUID().toString()).toAbsolutePath();

		try (ConfigurableApplicationContext panel = PanelApplication.start(server, data,
				PostgresServer.panelSettings(postgres.newDatabase()).toArray(String[]::new))) {
			JobService jobs = panel.getBean(JobService.class);
			long id = jobs.submit(new ReleaseRequest(List.of(BanTarget.parse(ADDRESS)), List.of()), "alice",
					"203.0.113.1");

			Await.until("the job to end", PATIENCE, () -> jobs.find(id).orElseThrow().finished());
			JobView job = jobs.find(id).orElseThrow();
			assertThat(job.state()).isEqualTo(JobState.DONE);
			assertThat(job.items()).singleElement().satisfies(item -> {
				assertThat(item.state()).isEqualTo(ItemState.UNBANNED);
				assertThat(item.jails()).containsExactlyInAnyOrder("sshd", "dovecot");
			});
			assertThat(server.bannedIn("sshd")).doesNotContain(ADDRESS);
			assertThat(server.bannedIn("dovecot")).doesNotContain(ADDRESS);
			Await.until("the audit trail to record both releases", PATIENCE,
					() -> panel.getBean(AuditTrail.class).recent(20).stream()
						.filter(event -> event.action() == AuditAction.UNBANNED)
						.count() == 2);
			assertThat(panel.getBean(AuditTrail.class).recent(20)).extracting(AuditEvent::action, AuditEvent::jail)
				.contains(tuple(AuditAction.UNBANNED, "sshd"), tuple(AuditAction.UNBANNED, "dovecot"));
			JdbcClient database = panel.getBean(JdbcClient.class);
			assertThat(database.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
			assertThat(database.sql("SELECT lease_owner FROM unblock_job WHERE id = :id")
				.param("id", id)
				.query(String.class)
				.single()).as("the instance that ran it").isNotBlank();
			Await.until("every event publication to be handled and deleted", PATIENCE,
					() -> database.sql("SELECT COUNT(*) FROM event_publication").query(Integer.class).single() == 0);
		}
	}

}
