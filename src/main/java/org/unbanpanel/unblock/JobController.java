package org.unbanpanel.unblock;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The jobs Unblock Access queued: the recent ones, and one with a line per value. */
@Controller
class JobController {

	static final int RECENT = 50;

	private final UnblockService service;

	JobController(UnblockService service) {
		this.service = service;
	}

	@GetMapping("/jobs")
	String recent(Model model) {
		model.addAttribute("jobs", service.recent(RECENT));
		return "unblock/jobs";
	}

	/** Plain decimal digits only: Spring's number conversion would also read {@code 0x10} as job 16. */
	@GetMapping("/jobs/{id:[0-9]{1,18}}")
	String job(@PathVariable long id, Model model) {
		JobView job = service.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("job", job);
		return "unblock/job";
	}

}
