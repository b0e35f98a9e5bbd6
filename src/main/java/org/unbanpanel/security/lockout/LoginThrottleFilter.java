package org.unbanpanel.security.lockout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.unbanpanel.web.ClientAddress;
import org.unbanpanel.web.ProblemResponses;

/**
 * Puts every sign-in attempt past the {@link LoginThrottle} before Spring Security checks its password: a form
 * sign-in ({@code POST /login}) and any request carrying HTTP Basic credentials. A refused form goes back to
 * {@code /login?throttled}; a refused API request gets {@code 429 Too Many Requests} with {@code Retry-After}. A
 * refused attempt is not written to the auth log, since its password was never checked. A delayed attempt waits on
 * its own request thread (a few seconds at most), then goes on.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

	static final String LOGIN = "/login";

	private static final String BASIC = "basic ";

	private final LoginThrottle throttle;

	private final ClientAddress clientAddress;

	private final MessageSource messages;

	LoginThrottleFilter(LoginThrottle throttle, ClientAddress clientAddress, MessageSource messages) {
		this.throttle = throttle;
		this.clientAddress = clientAddress;
		this.messages = messages;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !isFormSignIn(request) && basicUsername(request).isEmpty();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String username = isFormSignIn(request) ? request.getParameter("username") : basicUsername(request).orElse("");
		LoginThrottle.Verdict verdict = throttle.check(clientAddress.of(request), username);
		if (verdict.refused()) {
			refuse(request, response, verdict.refusedFor());
			return;
		}
		pause(verdict.delay());
		chain.doFilter(request, response);
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, Duration refusedFor)
			throws IOException {
		if (isFormSignIn(request)) {
			response.sendRedirect(request.getContextPath() + LOGIN + "?throttled");
			return;
		}
		long seconds = Math.max(1, (refusedFor.toMillis() + 999) / 1000);
		String detail = messages.getMessage("lockout.throttled.detail", new Object[] { seconds }, request.getLocale());
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		ProblemResponses.write(response, HttpStatus.TOO_MANY_REQUESTS, detail);
	}

	private static boolean isFormSignIn(HttpServletRequest request) {
		return HttpMethod.POST.matches(request.getMethod())
				&& (request.getContextPath() + LOGIN).equals(request.getRequestURI());
	}

	/** The user name of {@code Authorization: Basic ...}; an undecodable header counts as an empty name. */
	private static Optional<String> basicUsername(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.toLowerCase(Locale.ROOT).startsWith(BASIC)) {
			return Optional.empty();
		}
		try {
			String credentials = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).strip()),
					StandardCharsets.UTF_8);
			int colon = credentials.indexOf(':');
			return Optional.of(colon < 0 ? credentials : credentials.substring(0, colon));
		}
		catch (IllegalArgumentException ex) {
			return Optional.of("");
		}
	}

	private static void pause(Duration delay) {
		if (delay.isZero()) {
			return;
		}
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
