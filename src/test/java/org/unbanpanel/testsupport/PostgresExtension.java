package org.unbanpanel.testsupport;

/** Starts and removes the private PostgreSQL of {@link WithPostgres} for each test class, and hands it to the class. */
final class PostgresExtension extends ClassResourceExtension<PostgresServer> {

	PostgresExtension() {
		super(PostgresServer.class, "PostgreSQL");
	}

	@Override
	PostgresServer start(Class<?> testClass) {
		return PostgresServer.start();
	}

}
