package org.unbanpanel.security;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.unbanpanel.system.ClientAddress;

/**
 * Hears every sign-in Spring Security checks, by the form and by HTTP Basic alike: a failure goes to the
 * {@link AuthFailureLog} and the {@link LoginThrottle}, a success ends its user name's run of failures.
 */
@Component
class SignInEvents {

	/** Stands for the address when no request is at hand; fail2ban's {@code <HOST>} never matches it. */
	static final String NO_ADDRESS = "-";

	private final AuthFailureLog authLog;

	private final LoginThrottle throttle;

	private final ClientAddress clientAddress;

	SignInEvents(AuthFailureLog authLog, LoginThrottle throttle, ClientAddress clientAddress) {
		this.authLog = authLog;
		this.throttle = throttle;
		this.clientAddress = clientAddress;
	}

	@EventListener
	void failed(AbstractAuthenticationFailureEvent event) {
		String username = event.getAuthentication().getName();
		String address = currentClient();
		authLog.failure(username, address);
		throttle.failed(address, username);
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		throttle.succeeded(event.getAuthentication().getName());
	}

	/** The request being authenticated: Spring's request context filter runs before the security filters. */
	private String currentClient() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			return clientAddress.of(attributes.getRequest());
		}
		return NO_ADDRESS;
	}

}
