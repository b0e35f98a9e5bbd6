package org.unbanpanel.jobs;

import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/jobs/{id}}: one job with a line per value, as the job page shows it. */
@RestController
class JobApiController {

	private final JobService service;

	JobApiController(JobService service) {
		this.service = service;
	}

	/** The id is taken only by {@link JobId}'s rule; anything else is a 400 problem, an unknown job a 404 one. */
	@GetMapping("/api/v1/jobs/{id}")
	ResponseEntity<?> job(@PathVariable("id") String text) {
		Optional<Long> id = JobId.parse(text);
		if (id.isEmpty()) {
			return problem(HttpStatus.BAD_REQUEST, "A job id is a number such as 42.");
		}
		return service.find(id.get())
			.<ResponseEntity<?>>map(ResponseEntity::ok)
			.orElseGet(() -> problem(HttpStatus.NOT_FOUND, "There is no job " + id.get() + "."));
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
		return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
	}

}
