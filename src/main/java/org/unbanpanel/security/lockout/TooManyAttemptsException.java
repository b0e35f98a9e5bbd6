package org.unbanpanel.security.lockout;

import java.time.Duration;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in attempt refused before its password or code was checked: too many failed sign-ins from its address, or
 * for its user name. Answered {@code 429 Too Many Requests} with {@code Retry-After}, at once.
 */
public class TooManyAttemptsException extends AuthenticationException {

	private final long retryAfterSeconds;

	private final boolean byAddress;

	TooManyAttemptsException(Duration retryAfter, boolean byAddress) {
		super("too many failed sign-ins " + (byAddress ? "from this address" : "for this user name"));
		this.retryAfterSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
		this.byAddress = byAddress;
	}

	public long retryAfterSeconds() {
		return retryAfterSeconds;
	}

	/** The message that says why, with the seconds to wait as its argument. */
	public String messageCode() {
		return byAddress ? "lockout.throttled.address" : "lockout.throttled.name";
	}

	/** The same for an API answer, which names no page to come back to. */
	public String apiMessageCode() {
		return byAddress ? "lockout.throttled.address.api" : "lockout.throttled.name.api";
	}

	/** Sets the answer's status and {@code Retry-After}; its body is the caller's. */
	public void refuse(HttpServletResponse response) {
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
	}

}
