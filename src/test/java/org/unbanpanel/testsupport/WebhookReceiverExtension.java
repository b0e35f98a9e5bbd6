package org.unbanpanel.testsupport;

import org.springframework.core.annotation.MergedAnnotations;

/** Starts and closes the receiver of {@link WithWebhookReceiver} for each test class, and hands it to it. */
final class WebhookReceiverExtension extends ClassResourceExtension<WebhookReceiver> {

	private static final String WHAT = "webhook receiver";

	WebhookReceiverExtension() {
		super(WebhookReceiver.class, WHAT);
	}

	@Override
	WebhookReceiver start(Class<?> testClass) {
		return annotation(testClass).hanging() ? WebhookReceiver.hanging() : WebhookReceiver.answering();
	}

	static WithWebhookReceiver annotation(Class<?> testClass) {
		return MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
			.get(WithWebhookReceiver.class)
			.synthesize();
	}

	static WebhookReceiver receiverOf(Class<?> testClass) {
		return of(WebhookReceiver.class, WHAT, testClass);
	}

}
