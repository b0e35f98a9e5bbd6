package org.unbanpanel.jobs;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The jobs every release queued (Unblock Access, Lookup, a jail's page, the accounts page): the recent ones, and one
 * with a line per value.
 */
@Controller
class JobController {

	static final int RECENT = 50;

	private final JobService service;

	JobController(JobService service) {
		this.service = service;
	}

	@GetMapping("/jobs")
	String recent(Model model) {
		model.addAttribute("jobs", service.recent(RECENT));
		return "jobs/list";
	}

	/** A path that {@link JobId} does not take is no page: 404. */
	@GetMapping("/jobs/{id:" + JobId.PATTERN + "}")
	String job(@PathVariable long id, Model model) {
		JobView job = service.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("job", job);
		return "jobs/job";
	}

}
