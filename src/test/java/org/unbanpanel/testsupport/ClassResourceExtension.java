package org.unbanpanel.testsupport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A resource each test class of an annotation gets its own of (test hosts, a database, a webhook receiver): started
 * before the class's {@code @BeforeAll} methods, closed after the class, handed to constructors and methods as a
 * parameter of its type, and found by test class for what is set up before the instances exist (a panel's settings).
 */
abstract class ClassResourceExtension<T extends AutoCloseable>
		implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

	private static final Map<Key, AutoCloseable> RUNNING = new ConcurrentHashMap<>();

	private final Class<T> type;

	private final String what;

	/** @param what the resource, for the message when a class asks for it while it does not run */
	ClassResourceExtension(Class<T> type, String what) {
		this.type = type;
		this.what = what;
	}

	/** Starts the class's resource; closes whatever it started before it throws. */
	abstract T start(Class<?> testClass);

	/** @throws IllegalStateException when the class has one running already (the annotation declared twice) */
	@Override
	public void beforeAll(ExtensionContext context) {
		Key key = new Key(type, context.getRequiredTestClass());
		if (RUNNING.containsKey(key)) {
			throw new IllegalStateException(what + " for " + key.testClass().getSimpleName() + ": already running");
		}
		RUNNING.put(key, start(context.getRequiredTestClass()));
	}

	@Override
	public void afterAll(ExtensionContext context) throws Exception {
		AutoCloseable resource = RUNNING.remove(new Key(type, context.getRequiredTestClass()));
		if (resource != null) {
			resource.close();
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == type;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return of(type, what, context.getRequiredTestClass());
	}

	/** The running resource of this type of the test class. */
	static <T> T of(Class<T> type, String what, Class<?> testClass) {
		Object resource = RUNNING.get(new Key(type, testClass));
		if (resource == null) {
			throw new IllegalStateException(what + " for " + testClass.getSimpleName() + ": not running");
		}
		return type.cast(resource);
	}

	private record Key(Class<?> type, Class<?> testClass) {
	}

}
