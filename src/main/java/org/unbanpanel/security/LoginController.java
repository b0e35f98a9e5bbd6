package org.unbanpanel.security;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; with no configured user it says where the first password is, and how to get a new one. */
@Controller
class LoginController {

	private final boolean initialAdmin;

	LoginController(UsersProperties users) {
		this.initialAdmin = users.users().isEmpty();
	}

	@GetMapping("/login")
	String login(Model model) {
		model.addAttribute("initialAdmin", initialAdmin);
		return "security/login";
	}

}
