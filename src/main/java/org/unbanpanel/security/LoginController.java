package org.unbanpanel.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.unbanpanel.security.lockout.TooManyAttemptsException;

/** The sign-in page; with no configured user it says where the first password is, and how to get a new one. */
@Controller
class LoginController {

	static final String LOGIN = "/login";

	/** Where a refused form sign-in is forwarded to, with its {@link TooManyAttemptsException} under {@link #REFUSAL}. */
	static final String THROTTLED = "/login/throttled";

	static final String REFUSAL = LoginController.class.getName() + ".REFUSAL";

	private final boolean initialAdmin;

	LoginController(UsersProperties users) {
		this.initialAdmin = users.users().isEmpty();
	}

	@GetMapping(LOGIN)
	String login(Model model) {
		model.addAttribute("initialAdmin", initialAdmin);
		return "security/login";
	}

	/**
	 * The sign-in page saying how long to wait, for the 429 of a refused sign-in ({@link SignInFailureHandler});
	 * without a refusal at hand, a redirect to the sign-in page.
	 */
	@RequestMapping(THROTTLED)
	String throttled(HttpServletRequest request, Model model) {
		if (!(request.getAttribute(REFUSAL) instanceof TooManyAttemptsException refused)) {
			return "redirect:" + LOGIN;
		}
		model.addAttribute("throttled", refused);
		return login(model);
	}

}
