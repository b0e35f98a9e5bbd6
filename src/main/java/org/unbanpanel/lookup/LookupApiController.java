package org.unbanpanel.lookup;

import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

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

	private ResponseEntity<ProblemDetail> problem(String detail, List<LookupQuery.Rejection> rejections) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("Invalid lookup");
		problem.setProperty("errors", rejections.stream().map(this::error).toList());
		return ResponseEntity.badRequest().body(problem);
	}

	private Map<String, String> error(LookupQuery.Rejection rejection) {
		String detail = messages.getMessage(rejection.code(), new Object[] { rejection.value() },
				LocaleContextHolder.getLocale());
		return Map.of("field", rejection.field(), "code", rejection.code(), "value", rejection.value(), "detail",
				detail);
	}

}
