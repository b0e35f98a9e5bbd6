package org.unbanpanel.testsupport;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Starts and removes the private PostgreSQL of {@link WithPostgres} for each test class, and hands it to the class. */
final class PostgresExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(PostgresExtension.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		context.getStore(NAMESPACE).put(context.getRequiredTestClass(), PostgresServer.start());
	}

	@Override
	public void afterAll(ExtensionContext context) {
		PostgresServer server = context.getStore(NAMESPACE).remove(context.getRequiredTestClass(), PostgresServer.class);
		if (server != null) {
			server.close();
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == PostgresServer.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		PostgresServer server = context.getStore(NAMESPACE).get(context.getRequiredTestClass(), PostgresServer.class);
		if (server == null) {
			throw new IllegalStateException("The PostgreSQL of " + context.getRequiredTestClass().getSimpleName()
					+ " is not running");
		}
		return server;
	}

}
