package org.unbanpanel.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.unbanpanel.security.totp.SecondFactor;

/**
 * HTTP Basic carries no code, so on the API a password is never enough for a user who has a second factor: such a
 * user (enrolled, or an ADMIN while TOTP is required) is answered 401. Scripts use a user listed in
 * {@code panel.security.api-users}.
 */
class ApiSecondFactorFilter extends OncePerRequestFilter {

	private final SecondFactor secondFactor;

	private final SignInProblems problems;

	ApiSecondFactorFilter(SecondFactor secondFactor, SignInProblems problems) {
		this.secondFactor = secondFactor;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication user = SecurityContextHolder.getContext().getAuthentication();
		if (user != null && !(user instanceof AnonymousAuthenticationToken) && user.isAuthenticated()
				&& !secondFactor.isApiUser(user.getName()) && secondFactor.required(user)) {
			SecurityContextHolder.clearContext();
			problems.write(request, response, HttpStatus.UNAUTHORIZED, "problem.title.secondFactor", "problem.secondFactor");
			return;
		}
		chain.doFilter(request, response);
	}

}
