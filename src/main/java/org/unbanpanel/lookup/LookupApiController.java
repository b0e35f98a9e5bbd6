package org.unbanpanel.lookup;

import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.unbanpanel.system.Rejection;

/**
 * {@code GET /api/v1/lookup?ip=&user=}: the lookup as JSON; bad values as an RFC 9457 problem naming each one.
 */
@RestController
class LookupApiController {

	private final LookupService lookups;

	private final MessageSource messages;

	LookupApiController(LookupService lookups, MessageSource messages) {
		this.lookups = lookups;
		this.messages = messages;
	}

	@GetMapping("/api/v1/lookup")
	ResponseEntity<?> lookup(@RequestParam(required = false) String ip, @RequestParam(required = false) String user) {
		LookupQuery query = LookupQuery.parse(ip, user);
		if (!query.valid()) {
			return problem("Nothing was looked up: " + query.rejections().size() + " value(s) are not acceptable.",
					query.rejections());
		}
		if (query.isEmpty()) {
			return problem("Give an address (ip), a user name (user) or both.", List.of());
		}
		return ResponseEntity.ok(lookups.lookup(query));
	}

	private ResponseEntity<ProblemDetail> problem(String detail, List<Rejection> rejections) {
		return ResponseEntity.badRequest().body(Rejection.problem("Invalid lookup", detail, rejections, messages));
	}

}
