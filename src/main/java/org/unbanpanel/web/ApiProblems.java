package org.unbanpanel.web;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors of the JSON API as RFC 9457 problem details whose texts are Spring's fixed sentences or ours, never an
 * exception's message: refused values ({@link RejectedRequest}) get a 400 problem naming each, a malformed body or
 * id a 400 problem, anything unexpected a 500 problem, with the details only in the log. Pages keep the error page
 * ({@code templates/error.html}).
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	private final MessageSource messages;

	ApiProblems(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(RejectedRequest.class)
	ProblemDetail rejected(RejectedRequest rejected) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, rejected.getMessage());
		problem.setTitle(rejected.title());
		problem.setProperty("errors", rejected.entries().stream().map(this::describe).toList());
		return problem;
	}

	private Map<String, String> describe(RejectedRequest.Entry entry) {
		return Map.of("field", entry.field(), "code", entry.code(), "value", entry.value(), "detail",
				messages.getMessage(entry.message(), LocaleContextHolder.getLocale()));
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex) {
		log.error("API request failed", ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"The panel could not complete the request; the reason is in its log.");
		problem.setTitle("Internal error");
		return problem;
	}

}
