package org.unbanpanel.security.totp;

import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.unbanpanel.security.lockout.SignInGuard;

/**
 * What happens after a right password. A user who needs a second factor is not signed in yet: the session only
 * remembers "password ok, code pending" for a few minutes, and every page but {@code /login/totp} still sends them to
 * sign in. The right code signs them in, under a new session id. An API user is turned away from the pages.
 */
public class SecondStep implements AuthenticationSuccessHandler {

	static final String PENDING = SecondStep.class.getName() + ".PENDING";

	/** How long the code may take after the password. */
	static final Duration PATIENCE = Duration.ofMinutes(5);

	/** Wrong codes before the password must be entered again. */
	static final int MAX_TRIES = 5;

	private final SecondFactor secondFactor;

	private final SignInGuard guard;

	private final Clock clock;

	private final AuthenticationSuccessHandler signedIn = new SavedRequestAwareAuthenticationSuccessHandler();

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	SecondStep(SecondFactor secondFactor, SignInGuard guard, Clock clock) {
		this.secondFactor = secondFactor;
		this.guard = guard;
		this.clock = clock;
	}

	/**
	 * A password accepted, a code still to come.
	 * @param newSecret the secret being enrolled, for an ADMIN who must enrol before signing in; else {@code null}
	 */
	record Pending(Authentication user, Instant since, int wrongCodes, byte[] newSecret) implements Serializable {

		Pending withWrongCode() {
			return new Pending(user, since, wrongCodes + 1, newSecret);
		}

		Pending withNewSecret(byte[] secret) {
			return new Pending(user, since, wrongCodes, secret);
		}

	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication user) throws IOException, jakarta.servlet.ServletException {
		if (secondFactor.isApiUser(user.getName())) {
			signOut(request, response);
			response.sendRedirect(request.getContextPath() + "/login?apiUser");
			return;
		}
		if (!secondFactor.required(user)) {
			guard.signedIn(request, response, user.getName());
			signedIn.onAuthenticationSuccess(request, response, user);
			return;
		}
		signOut(request, response);
		request.getSession().setAttribute(PENDING, new Pending(user, clock.instant(), 0, null));
		response.sendRedirect(request.getContextPath() + "/login/totp");
	}

	/** The pending sign-in of this session, unless there is none or it waited too long. */
	Optional<Pending> pending(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		Object pending = session == null ? null : session.getAttribute(PENDING);
		if (pending instanceof Pending waiting && waiting.since().plus(PATIENCE).isAfter(clock.instant())) {
			return Optional.of(waiting);
		}
		return Optional.empty();
	}

	void update(HttpServletRequest request, Pending pending) {
		request.getSession().setAttribute(PENDING, pending);
	}

	void forget(HttpServletRequest request) {
		request.getSession().removeAttribute(PENDING);
	}

	/** The code was right: signs the user in, under a new session id. */
	void complete(HttpServletRequest request, HttpServletResponse response, Pending pending) {
		guard.signedIn(request, response, pending.user().getName());
		forget(request);
		request.changeSessionId();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(pending.user());
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
	}

	private void signOut(HttpServletRequest request, HttpServletResponse response) {
		SecurityContextHolder.clearContext();
		contexts.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
	}

}
