package org.unbanpanel.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.unbanpanel.security.lockout.SignInGuard;
import org.unbanpanel.security.lockout.SignInSource;

/**
 * Every password Spring Security checks (the sign-in form, and HTTP Basic where the API takes it) passes the
 * {@link SignInGuard} first: reserved before the check, settled after it, or refused without one. The name counted is
 * the very name the check is made for.
 */
final class GuardedPasswords implements AuthenticationProvider {

	private final AuthenticationProvider passwords;

	private final SignInGuard guard;

	GuardedPasswords(AuthenticationProvider passwords, SignInGuard guard) {
		this.passwords = passwords;
		this.guard = guard;
	}

	@Override
	public Authentication authenticate(Authentication request) {
		SignInSource source = request.getDetails() instanceof SignInSource known ? known : SignInSource.UNKNOWN;
		try (SignInGuard.Attempt attempt = guard.begin(source, request.getName())) {
			Authentication user = check(request, attempt);
			attempt.passed();
			return user;
		}
	}

	private Authentication check(Authentication request, SignInGuard.Attempt attempt) {
		try {
			return passwords.authenticate(request);
		}
		catch (AuthenticationServiceException ex) {
			throw ex;
		}
		catch (AuthenticationException ex) {
			attempt.wrongPassword();
			throw ex;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
