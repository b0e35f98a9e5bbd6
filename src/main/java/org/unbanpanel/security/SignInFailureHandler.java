package org.unbanpanel.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.unbanpanel.security.lockout.TooManyAttemptsException;

/**
 * A form sign-in that failed: a wrong password goes back to {@code /login?error}; a refused one is answered at once,
 * 429 with the sign-in page saying how long to wait ({@link LoginController#throttled}).
 */
final class SignInFailureHandler implements AuthenticationFailureHandler {

	private final AuthenticationFailureHandler wrongPassword = new SimpleUrlAuthenticationFailureHandler(
			LoginController.LOGIN + "?error");

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, ServletException {
		if (exception instanceof TooManyAttemptsException refused) {
			refused.refuse(response);
			request.setAttribute(LoginController.REFUSAL, refused);
			request.getRequestDispatcher(LoginController.THROTTLED).forward(request, response);
			return;
		}
		wrongPassword.onAuthenticationFailure(request, response, exception);
	}

}
