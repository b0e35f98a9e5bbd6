package org.unbanpanel.jobs;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.core.InvalidValueException;
import org.unbanpanel.web.ClientAddress;
import org.unbanpanel.web.Problems;

/**
 * {@code GET /api/v1/jobs/{id}}: one job with a line per value and the released addresses fail2ban banned again
 * ({@code rebans}), as the job page shows them; and, for admins, the job page's actions: {@code POST …/retry} and
 * {@code …/cancel} for a job that waits for fail2ban (200 with the job),
 * {@code POST …/run-again} for an ended job with failed values (202 with the new job, its address in
 * {@code Location}). An action that does not apply to the job as it stands is a 409 problem.
 */
@RestController
class JobApiController {

	private static final String JOB = "/api/v1/jobs/{id}";

	private final JobService service;

	private final Problems problems;

	private final ClientAddress clientAddress;

	private final ReleaseWatch watch;

	JobApiController(JobService service, Problems problems, ClientAddress clientAddress, ReleaseWatch watch) {
		this.service = service;
		this.problems = problems;
		this.clientAddress = clientAddress;
		this.watch = watch;
	}

	/** The id is taken only by {@link JobId}'s rule; anything else is a 400 problem, an unknown job a 404 one. */
	@GetMapping(JOB)
	ResponseEntity<?> job(@PathVariable("id") String text) {
		return withJob(text, job -> ResponseEntity.ok(answer(job)));
	}

	@PostMapping(JOB + "/retry")
	ResponseEntity<?> retryNow(@PathVariable("id") String text, Authentication user, HttpServletRequest request) {
		return withJob(text, job -> service.retryNow(job.id(), user.getName(), clientAddress.of(request))
				? ResponseEntity.ok(answer(service.find(job.id()).orElseThrow())) : notWaiting(job));
	}

	@PostMapping(JOB + "/cancel")
	ResponseEntity<?> cancel(@PathVariable("id") String text, Authentication user, HttpServletRequest request) {
		return withJob(text, job -> service.cancel(job.id(), user.getName(), clientAddress.of(request))
				? ResponseEntity.ok(answer(service.find(job.id()).orElseThrow())) : notWaiting(job));
	}

	@PostMapping(JOB + "/run-again")
	ResponseEntity<?> runAgain(@PathVariable("id") String text, Authentication user, HttpServletRequest request) {
		return withJob(text, job -> {
			try {
				return service.runAgain(job.id(), user.getName(), clientAddress.of(request))
					.<ResponseEntity<?>>map(newId -> ResponseEntity.accepted()
						.location(URI.create("/api/v1/jobs/" + newId))
						.body(answer(service.find(newId).orElseThrow())))
					.orElseGet(() -> problem(HttpStatus.CONFLICT, "jobs.api.nothingToRunAgain",
							Explanation.of("job.runAgain.nothing", job.id())));
			}
			catch (InvalidValueException removed) {
				return problem(HttpStatus.CONFLICT, "jobs.api.hostRemoved", Explanation.of("job.runAgain.hostRemoved",
						job.id(), InvalidValueException.printable(removed.value())));
			}
		});
	}

	private ResponseEntity<?> withJob(String text, Function<JobView, ResponseEntity<?>> answer) {
		Optional<Long> id = JobId.parse(text);
		if (id.isEmpty()) {
			return problem(HttpStatus.BAD_REQUEST, "jobs.api.badId", Explanation.of("jobs.api.badId.detail"));
		}
		return service.find(id.get())
			.map(answer)
			.orElseGet(() -> problem(HttpStatus.NOT_FOUND, "jobs.api.unknown",
					Explanation.of("jobs.api.unknown.detail", id.get())));
	}

	private JobAnswer answer(JobView job) {
		return new JobAnswer(job, watch.bannedAgain(job.id()).stream().map(RebanAnswer::of).toList());
	}

	private ResponseEntity<?> notWaiting(JobView job) {
		return problem(HttpStatus.CONFLICT, "jobs.api.notWaiting", Explanation.of("job.cancel.notWaiting", job.id()));
	}

	private ResponseEntity<ProblemDetail> problem(HttpStatus status, String titleCode, Explanation detail) {
		return ResponseEntity.status(status).body(problems.of(status, titleCode, detail));
	}

	/** The job's properties, and its released addresses banned again, oldest new ban first. */
	record JobAnswer(@JsonUnwrapped JobView job, List<RebanAnswer> rebans) {
	}

	/**
	 * A released address fail2ban banned again: the host and the entry in the jail that holds it again, when the job
	 * released it, when the watch saw the new ban, and the whole minutes between, as the job page says them.
	 */
	record RebanAnswer(String host, String jail, String entry, Instant releasedAt, Instant bannedAt,
			long minutesAfterRelease) {

		static RebanAnswer of(Reban reban) {
			return new RebanAnswer(reban.host().value(), reban.jail(), reban.address(), reban.releasedAt(), reban.bannedAt(),
					reban.minutesAfterRelease());
		}

	}

}
