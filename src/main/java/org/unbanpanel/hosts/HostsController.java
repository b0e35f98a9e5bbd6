package org.unbanpanel.hosts;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The hosts of the fleet: whether each is reachable, its tools, its key, and what to install on a new one. */
@Controller
class HostsController {

	private final HostsOverview overview;

	HostsController(HostsOverview overview) {
		this.overview = overview;
	}

	@GetMapping("/hosts")
	String list(Model model) {
		model.addAttribute("page", overview.page());
		return "hosts/list";
	}

}
