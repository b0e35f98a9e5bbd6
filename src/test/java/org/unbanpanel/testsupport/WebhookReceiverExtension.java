package org.unbanpanel.testsupport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.core.annotation.MergedAnnotations;

/** Starts and closes the receiver of {@link WithWebhookReceiver} for each test class, and hands it to it. */
final class WebhookReceiverExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

	private static final Map<Class<?>, WebhookReceiver> RUNNING = new ConcurrentHashMap<>();

	@Override
	public void beforeAll(ExtensionContext context) {
		WithWebhookReceiver settings = annotation(context.getRequiredTestClass());
		RUNNING.put(context.getRequiredTestClass(),
				settings.hanging() ? WebhookReceiver.hanging() : WebhookReceiver.answering());
	}

	@Override
	public void afterAll(ExtensionContext context) {
		WebhookReceiver receiver = RUNNING.remove(context.getRequiredTestClass());
		if (receiver != null) {
			receiver.close();
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == WebhookReceiver.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return receiverOf(context.getRequiredTestClass());
	}

	static WithWebhookReceiver annotation(Class<?> testClass) {
		return MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
			.get(WithWebhookReceiver.class)
			.synthesize();
	}

	static WebhookReceiver receiverOf(Class<?> testClass) {
		WebhookReceiver receiver = RUNNING.get(testClass);
		if (receiver == null) {
			throw new IllegalStateException("The webhook receiver of " + testClass.getSimpleName() + " is not running");
		}
		return receiver;
	}

}
