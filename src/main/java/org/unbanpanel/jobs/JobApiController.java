package org.unbanpanel.jobs;

import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.web.Problems;

/** {@code GET /api/v1/jobs/{id}}: one job with a line per value, as the job page shows it. */
@RestController
class JobApiController {

	private final JobService service;

	private final Problems problems;

	JobApiController(JobService service, Problems problems) {
		this.service = service;
		this.problems = problems;
	}

	/** The id is taken only by {@link JobId}'s rule; anything else is a 400 problem, an unknown job a 404 one. */
	@GetMapping("/api/v1/jobs/{id}")
	ResponseEntity<?> job(@PathVariable("id") String text) {
		Optional<Long> id = JobId.parse(text);
		if (id.isEmpty()) {
			return problem(HttpStatus.BAD_REQUEST, "jobs.api.badId", Explanation.of("jobs.api.badId.detail"));
		}
		return service.find(id.get())
			.<ResponseEntity<?>>map(ResponseEntity::ok)
			.orElseGet(() -> problem(HttpStatus.NOT_FOUND, "jobs.api.unknown",
					Explanation.of("jobs.api.unknown.detail", id.get())));
	}

	private ResponseEntity<ProblemDetail> problem(HttpStatus status, String titleCode, Explanation detail) {
		return ResponseEntity.status(status).body(problems.of(status, titleCode, detail));
	}

}
