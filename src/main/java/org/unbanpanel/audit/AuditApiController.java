package org.unbanpanel.audit;

import java.util.Map;

import jakarta.validation.Valid;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail for scripts: {@code GET /api/v1/audit?user=&value=&from=&to=&page=&size=} with the same filter and
 * paging as the page; a bad filter answers 400 as an RFC 9457 problem naming each field.
 */
@RestController
class AuditApiController {

	private final AuditTrail trail;

	private final MessageSource messages;

	AuditApiController(AuditTrail trail, MessageSource messages) {
		this.trail = trail;
		this.messages = messages;
	}

	@GetMapping("/api/v1/audit")
	ResponseEntity<?> audit(@Valid AuditForm filter, BindingResult result) {
		filter.checkDates(result);
		if (result.hasErrors()) {
			return ResponseEntity.badRequest().body(problem(result));
		}
		return ResponseEntity.ok(trail.find(filter.filter(), filter.pageNumber(), filter.pageSize()));
	}

	private ProblemDetail problem(BindingResult result) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				result.getErrorCount() + " filter value(s) are not acceptable.");
		problem.setTitle("Invalid audit filter");
		problem.setProperty("errors", result.getFieldErrors().stream().map(this::error).toList());
		return problem;
	}

	private Map<String, String> error(FieldError error) {
		return Map.of("field", error.getField(), "code", String.valueOf(error.getCode()), "value",
				String.valueOf(error.getRejectedValue()), "detail",
				messages.getMessage(error, LocaleContextHolder.getLocale()));
	}

}
