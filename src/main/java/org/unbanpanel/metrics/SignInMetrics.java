package org.unbanpanel.metrics;

import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins, by the form and by HTTP Basic alike, as {@value #NAME} ({@code panel_signin_failures_total})
 * tagged with the {@code reason} Spring Security gave ({@code bad_credentials}, {@code locked}, …), from Spring
 * Security's own failure events.
 */
@Component
class SignInMetrics {

	static final String NAME = "panel.signin.failures";

	private final MeterRegistry registry;

	SignInMetrics(MeterRegistry registry) {
		this.registry = registry;
		counter(reason(new BadCredentialsException("")));
	}

	@EventListener
	void failed(AbstractAuthenticationFailureEvent event) {
		counter(reason(event.getException())).increment();
	}

	private Counter counter(String reason) {
		return Counter.builder(NAME)
			.description("Failed sign-ins, by the reason Spring Security gave")
			.tag("reason", reason)
			.register(registry);
	}

	/** {@code BadCredentialsException} is {@code bad_credentials}. */
	static String reason(Exception exception) {
		String name = exception.getClass().getSimpleName().replaceFirst("Exception$", "");
		return name.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
	}

}
