package org.unbanpanel.unblock;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.core.Rejection;
import org.unbanpanel.system.ClientAddress;
import org.unbanpanel.system.RejectedRequest;
import org.unbanpanel.trust.TrustPolicy;

/**
 * The Unblock Access action for scripts: {@code POST /api/v1/unblock} with {@code {"ips": [...], "accounts": [...],
 * "trust": "1h"}} answers 202 with the queued job; the same validation as the form, its errors as RFC 9457 problem details.
 */
@RestController
@RequestMapping("/api/v1")
class UnblockApiController {

	private static final Pattern JOB_ID = Pattern.compile("[1-9][0-9]{0,17}");

	private final UnblockService service;

	private final UnblockValidator validator;

	private final ClientAddress clientAddress;

	private final TrustPolicy trustPolicy;

	UnblockApiController(UnblockService service, UnblockValidator validator, ClientAddress clientAddress,
			TrustPolicy trustPolicy) {
		this.service = service;
		this.validator = validator;
		this.clientAddress = clientAddress;
		this.trustPolicy = trustPolicy;
	}

	@PostMapping("/unblock")
	ResponseEntity<JobView> unblock(@RequestBody UnblockApiRequest body, Authentication user, HttpServletRequest request) {
		UnblockValidator.Result checked = validator.validate(body.ipValues(), body.accountValues());
		List<BanTarget> addresses = checked.valid() ? checked.request().addresses() : List.of();
		TrustPolicy.Checked trust = trustPolicy.check(body.trust(), Boolean.TRUE.equals(body.confirmWide()),
				addresses, UnblockValidator.IPS);
		List<Rejection> rejections = new ArrayList<>(checked.rejections());
		rejections.addAll(trust.rejections());
		if (!rejections.isEmpty()) {
			throw RejectedRequest.of("Invalid unblock request",
					"Nothing was queued: " + rejections.size() + " value(s) are not acceptable.", rejections);
		}
		UnblockRequest unblock = new UnblockRequest(addresses, checked.request().accounts(),
				trust.period().duration());
		long id = service.submit(unblock, user.getName(), clientAddress.of(request));
		JobView job = service.find(id).orElseThrow();
		return ResponseEntity.accepted().location(URI.create("/api/v1/jobs/" + id)).body(job);
	}

	/**
	 * The id is taken only as plain decimal digits: Spring's own conversion would also read {@code 0x10} and
	 * full-width digits as numbers.
	 */
	@GetMapping("/jobs/{id}")
	ResponseEntity<?> job(@PathVariable("id") String text) {
		if (!JOB_ID.matcher(text).matches()) {
			return ResponseEntity.badRequest()
				.body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "A job id is a number such as 42."));
		}
		long id = Long.parseLong(text);
		return service.find(id)
			.<ResponseEntity<?>>map(ResponseEntity::ok)
			.orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
				.body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is no job " + id + ".")));
	}

	/**
	 * The JSON body; either list may be left out. {@code trust} ({@code none}, {@code 1h}, {@code 12h} or
	 * {@code 24h}, default none) keeps the released addresses from being banned again for that time;
	 * {@code confirmWide} confirms trusting ranges wider than a /24 or /48.
	 */
	record UnblockApiRequest(List<String> ips, List<String> accounts, String trust, Boolean confirmWide) {

		List<String> ipValues() {
			return ips == null ? List.of() : ips;
		}

		List<String> accountValues() {
			return accounts == null ? List.of() : accounts;
		}

	}

}
