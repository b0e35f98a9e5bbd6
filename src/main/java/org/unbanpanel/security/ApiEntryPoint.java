package org.unbanpanel.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.unbanpanel.security.lockout.TooManyAttemptsException;

/**
 * What the API answers a request it could not sign in: 401 with the Basic challenge, or, for an attempt the throttle
 * refused, 429 with {@code Retry-After} as an RFC 9457 problem.
 */
final class ApiEntryPoint implements AuthenticationEntryPoint {

	static final String REALM = "Unban Panel";

	private final BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();

	private final SignInProblems problems;

	ApiEntryPoint(SignInProblems problems) {
		this.problems = problems;
		basic.setRealmName(REALM);
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
			throws IOException {
		if (failure instanceof TooManyAttemptsException refused) {
			refused.refuse(response);
			problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "problem.title.tooManyAttempts",
					refused.apiMessageCode(), refused.retryAfterSeconds());
			return;
		}
		basic.commence(request, response, failure);
	}

}
