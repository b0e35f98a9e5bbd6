package org.unbanpanel;

import java.util.Arrays;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.unbanpanel.testsupport.PostgresServer;
import org.unbanpanel.testsupport.TestDatabase;
import org.unbanpanel.testsupport.WithPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 14: the one Flyway history, SQL and Java migrations alike, runs unchanged on a real PostgreSQL, so that
 * {@code spring.datasource.*} is the only switch between the embedded H2 and a database several panels share.
 */
@WithPostgres
class MigrationsOnPostgresIntegrationTests {

	private final PostgresServer postgres;

	MigrationsOnPostgresIntegrationTests(PostgresServer postgres) {
		this.postgres = postgres;
	}

	@Test
	void migratesTheWholeHistoryWithTheChecksumsH2Knows() {
		Flyway flyway = flyway(postgres.newDatabase(), null);
		MigrateResult result = flyway.migrate();

		assertThat(result.success).isTrue();
		MigrationInfo[] applied = flyway.info().applied();
		assertThat(applied).extracting(MigrationInfo::getState).containsOnly(MigrationState.SUCCESS);
		assertThat(Arrays.stream(applied).map(MigrationInfo::getVersion).map(Object::toString))
			.containsSequence("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12");
		assertThat(applied).extracting(MigrationInfo::getChecksum)
			.as("an H2 panel's history holds the same checksums, so it validates after an upgrade")
			.containsExactlyElementsOf(new TestDatabase().appliedChecksums());
	}

	@Test
	void movesTheResultsOlderPanelsStoredAsTextIntoData() {
		String url = postgres.newDatabase();
		flyway(url, "9").migrate();
		JdbcClient jdbc = JdbcClient.create(PostgresServer.dataSource(url));
		jdbc.sql("""
				INSERT INTO unblock_job (id, state, submitted_by, created_at, attempts, next_attempt_at)
				VALUES (1, 'DONE', 'alice', CURRENT_TIMESTAMP, 1, CURRENT_TIMESTAMP)""").update();
		jdbc.sql("""
				INSERT INTO unblock_item (job_id, kind, target, state, detail) VALUES
				(1, 'IP', '203.0.113.7', 'UNBANNED', 'sshd, dovecot'), (1, 'ACCOUNT', 'bob', 'CLEARED', '5')""")
			.update();

		flyway(url, null).migrate();

		assertThat(jdbc.sql("SELECT jail, entry, outcome FROM item_ban ORDER BY id")
			.query((row, number) -> row.getString(1) + " " + row.getString(2) + " " + row.getString(3))
			.list()).containsExactly("sshd 203.0.113.7 RELEASED", "dovecot 203.0.113.7 RELEASED");
		assertThat(jdbc.sql("SELECT failures_cleared FROM unblock_item WHERE kind = 'ACCOUNT'")
			.query(Integer.class)
			.single()).isEqualTo(5);
	}

	@Test
	void makesEveryOlderTrustTheLocalHostsAndATrustUniquePerHostAndAddressOnPostgresAndH2() {
		String url = postgres.newDatabase();
		trustsBecomeTheLocalHosts(PostgresServer.dataSource(url));
		trustsBecomeTheLocalHosts(new SimpleDriverDataSource(new org.h2.Driver(),
				"jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
	}

	private static void trustsBecomeTheLocalHosts(DataSource database) {
		flyway(database, "17").migrate();
		JdbcClient jdbc = JdbcClient.create(database);
		jdbc.sql("""
				INSERT INTO trust (target, created_at, expires_at, created_by, job_id, kept_in, applied)
				VALUES ('203.0.113.7', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'alice', 4, 'sasl', TRUE)""").update();
		jdbc.sql("INSERT INTO job_trust (job_id, applied, problem) VALUES (4, TRUE, NULL)").update();

		flyway(database, null).migrate();

		assertThat(jdbc.sql("SELECT host, target, kept_in FROM trust")
			.query((row, number) -> row.getString(1) + " " + row.getString(2) + " " + row.getString(3))
			.list()).containsExactly("local 203.0.113.7 sasl");
		assertThat(jdbc.sql("SELECT host FROM job_trust WHERE job_id = 4").query(String.class).list())
			.containsExactly("local");
		jdbc.sql("""
				INSERT INTO trust (host, target, created_at, expires_at, created_by, applied)
				VALUES ('mail', '203.0.113.7', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'bob', FALSE)""").update();
		assertThatThrownBy(() -> jdbc.sql("""
				INSERT INTO trust (host, target, created_at, expires_at, created_by, applied)
				VALUES ('mail', '203.0.113.7', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'bob', FALSE)""").update())
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	private static Flyway flyway(String url, String target) {
		return flyway(PostgresServer.dataSource(url), target);
	}

	private static Flyway flyway(DataSource database, String target) {
		var configuration = Flyway.configure().dataSource(database);
		if (target != null) {
			configuration.target(target);
		}
		return configuration.load();
	}


}
