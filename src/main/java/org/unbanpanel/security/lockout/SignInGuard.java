package org.unbanpanel.security.lockout;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationEventPublisher;
import org.unbanpanel.security.SecurityEvent;
import org.unbanpanel.web.ClientAddress;

/**
 * The one way any password or code of the panel is checked: the sign-in form, HTTP Basic, the second step's code and
 * the confirmations of the Account page. {@link #begin} reserves the attempt with the {@link LoginThrottle} or refuses
 * it at once; the caller then checks and settles it. Every wrong or refused attempt writes one line to the
 * {@link AuthFailureLog} for fail2ban and is published as a {@link SecurityEvent} for the audit trail.
 */
public class SignInGuard {

	private final LoginThrottle throttle;

	private final AuthFailureLog authLog;

	private final KnownDevices devices;

	private final ClientAddress clientAddress;

	private final ApplicationEventPublisher events;

	private final int ipv6Prefix;

	SignInGuard(LoginThrottle throttle, AuthFailureLog authLog, KnownDevices devices, ClientAddress clientAddress,
			ApplicationEventPublisher events, int ipv6Prefix) {
		this.throttle = throttle;
		this.authLog = authLog;
		this.devices = devices;
		this.clientAddress = clientAddress;
		this.events = events;
		this.ipv6Prefix = ipv6Prefix;
	}

	public SignInSource source(HttpServletRequest request) {
		return new SignInSource(AttemptKeys.canonicalAddress(clientAddress.of(request)), KnownDevices.cookie(request));
	}

	/**
	 * Reserves an attempt to sign in as {@code username}; close it (try-with-resources) after settling it.
	 * @throws TooManyAttemptsException when the throttle refuses it, already logged and published
	 */
	public Attempt begin(SignInSource source, String username) {
		String nameKey = AttemptKeys.nameKey(username);
		String counted = devices.device(source.device(), nameKey).map(AttemptKeys::deviceKey).orElse(nameKey);
		AttemptKeys keys = AttemptKeys.of(source.address(), ipv6Prefix, counted);
		Optional<LoginThrottle.Refusal> refusal = throttle.reserve(keys);
		if (refusal.isPresent()) {
			failure(SecurityEvent.Kind.THROTTLED, username, source.address());
			throw new TooManyAttemptsException(refusal.get().retryAfter(), refusal.get().byAddress());
		}
		return new Attempt(keys, username, source.address());
	}

	/**
	 * A user is now signed in to the pages: the browser becomes a known device of the name (its earlier failures
	 * from this browser are forgotten), and the sign-in is published.
	 */
	public void signedIn(HttpServletRequest request, HttpServletResponse response, String username) {
		SignInSource source = source(request);
		String nameKey = AttemptKeys.nameKey(username);
		devices.device(source.device(), nameKey).ifPresent(device -> throttle.forget(AttemptKeys.deviceKey(device)));
		devices.remember(request, response, nameKey);
		events.publishEvent(new SecurityEvent(SecurityEvent.Kind.SIGNED_IN, username, source.address()));
	}

	private void failure(SecurityEvent.Kind kind, String username, String address) {
		authLog.failure(username, address);
		events.publishEvent(new SecurityEvent(kind, AuthFailureLog.sanitise(username), address));
	}

	/** One reserved attempt. Settled once: a second verdict, or closing it after one, changes nothing. */
	public final class Attempt implements AutoCloseable {

		private final AttemptKeys keys;

		private final String username;

		private final String address;

		private boolean settled;

		private Attempt(AttemptKeys keys, String username, String address) {
			this.keys = keys;
			this.username = username;
			this.address = address;
		}

		public void wrongPassword() {
			failed(SecurityEvent.Kind.WRONG_PASSWORD);
		}

		public void wrongCode() {
			failed(SecurityEvent.Kind.WRONG_CODE);
		}

		/** The password or code was right; nothing is forgotten, the reservation is released. */
		public void passed() {
			if (!settled) {
				settled = true;
				throttle.passed(keys);
			}
		}

		/** Releases an attempt that was never judged, for instance because the check itself failed. */
		@Override
		public void close() {
			passed();
		}

		private void failed(SecurityEvent.Kind kind) {
			if (!settled) {
				settled = true;
				throttle.failed(keys);
				failure(kind, username, address);
			}
		}

	}

}
