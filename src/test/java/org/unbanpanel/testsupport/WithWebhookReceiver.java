package org.unbanpanel.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A whole-panel test ({@link PanelOnRealTools}) whose panel sends its notices to a {@link WebhookReceiver} of the
 * class, {@code panel.notify.webhooks[0]}: started before its {@code @BeforeAll} methods, closed after it, taken by
 * constructors and methods as a parameter.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(WebhookReceiverExtension.class)
public @interface WithWebhookReceiver {

	/** Whether it takes each request and never answers, like a receiver that is down behind a proxy. */
	boolean hanging() default false;

	/** The webhook's {@code secret}; none when empty. */
	String secret() default "";

}
