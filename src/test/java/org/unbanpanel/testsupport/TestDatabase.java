package org.unbanpanel.testsupport;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.h2.jdbcx.JdbcDataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * A fresh in-memory H2 database with the application's Flyway migrations applied, for tests of our own logic that
 * store things without starting Spring.
 */
public final class TestDatabase {

	private final DataSource dataSource;

	public TestDatabase() {
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		this.dataSource = h2;
		Flyway.configure().dataSource(dataSource).load().migrate();
	}

	public JdbcClient jdbc() {
		return JdbcClient.create(dataSource);
	}

	/** The checksums of the migrations applied, oldest first. */
	public List<Integer> appliedChecksums() {
		return Arrays.stream(Flyway.configure().dataSource(dataSource).load().info().applied())
			.map(MigrationInfo::getChecksum)
			.toList();
	}

	public DataSourceTransactionManager transactions() {
		return new DataSourceTransactionManager(dataSource);
	}

}
