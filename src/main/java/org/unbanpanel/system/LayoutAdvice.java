package org.unbanpanel.system;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Model attributes the layout needs on every page. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class LayoutAdvice {

	private final Fail2banHealth health;

	LayoutAdvice(Fail2banHealth health) {
		this.health = health;
	}

	@ModelAttribute("fail2banProblem")
	String fail2banProblem() {
		return health.problem();
	}

}
