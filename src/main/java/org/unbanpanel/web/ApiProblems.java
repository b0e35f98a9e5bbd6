package org.unbanpanel.web;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.unbanpanel.core.Explanation;

/**
 * Errors of the JSON API as RFC 9457 problem details whose texts are messages in the request's language (Spring's own
 * problems too, through the {@code problemDetail.*} keys of our bundles), never an exception's message: refused values ({@link RejectedRequest}) get a 400 problem naming each, a malformed body or
 * id a 400 problem, anything unexpected a 500 problem, with the details only in the log. Pages keep the error page
 * ({@code templates/error.html}).
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	private final Problems problems;

	ApiProblems(Problems problems) {
		this.problems = problems;
	}

	@ExceptionHandler(RejectedRequest.class)
	ProblemDetail rejected(RejectedRequest rejected) {
		ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, rejected.titleCode(), rejected.detail());
		problem.setProperty("errors", rejected.entries().stream().map(this::describe).toList());
		return problem;
	}

	private Map<String, String> describe(RejectedRequest.Entry entry) {
		return Map.of("field", entry.field(), "code", entry.code(), "value", entry.value(), "detail",
				problems.text(entry.message()));
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex) {
		log.error("API request failed", ex);
		return problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "problem.title.internal",
				Explanation.of("problem.internal"));
	}

}
