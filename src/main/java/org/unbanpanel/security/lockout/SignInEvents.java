package org.unbanpanel.security.lockout;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.unbanpanel.web.ClientAddress;

/**
 * Hears every sign-in Spring Security checks, by the form and by HTTP Basic alike: a failure goes to the
 * {@link AuthFailureLog} and the {@link LoginThrottle}, a success ends its user name's run of failures. The second
 * step's codes ({@code /login/totp}) are reported here too: a wrong code counts exactly like a wrong password, since
 * whoever holds a stolen password could otherwise guess codes without end, five at a time.
 */
@Component
public class SignInEvents {

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
		failed(event.getAuthentication().getName(), currentClient());
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		throttle.succeeded(event.getAuthentication().getName());
	}

	/** Whether the throttle refuses this request's address at the moment: no code from it is even checked. */
	public boolean refused(HttpServletRequest request, String username) {
		return throttle.check(clientAddress.of(request), username).refused();
	}

	public void wrongCode(HttpServletRequest request, String username) {
		failed(username, clientAddress.of(request));
	}

	public void rightCode(String username) {
		throttle.succeeded(username);
	}

	private void failed(String username, String address) {
		authLog.failure(username, address);
		throttle.failed(address, username);
	}

	/** The request being authenticated: Spring's request context filter runs before the security filters. */
	private String currentClient() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			return clientAddress.of(attributes.getRequest());
		}
		return NO_ADDRESS;
	}

}
