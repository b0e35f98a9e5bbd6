package org.unbanpanel.system;

import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.Errors;

/**
 * One value a form or an API request may not carry, said the same way everywhere: as a field error on a page, as an
 * entry of a 400 problem in the API.
 *
 * @param field the form field or JSON property, or {@code null} for the request as a whole
 * @param code a message code that takes the value as its argument
 * @param value the refused value, printable (see {@code InvalidValueException.printable})
 */
public record Rejection(String field, String code, String value) {

	/** Adds this rejection to a form's errors, so the page names the value next to its field. */
	public void addTo(Errors errors) {
		Object[] arguments = { value };
		if (field == null) {
			errors.reject(code, arguments, null);
		}
		else {
			errors.rejectValue(field, code, arguments, null);
		}
	}

	/**
	 * A 400 problem (RFC 9457) listing each rejection under {@code errors} with its field, code, value and sentence.
	 */
	public static ProblemDetail problem(String title, String detail, List<Rejection> rejections,
			MessageSource messages) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle(title);
		problem.setProperty("errors", rejections.stream().map(rejection -> rejection.describe(messages)).toList());
		return problem;
	}

	private Map<String, String> describe(MessageSource messages) {
		String sentence = messages.getMessage(code, new Object[] { value }, LocaleContextHolder.getLocale());
		return Map.of("field", String.valueOf(field), "code", code, "value", value, "detail", sentence);
	}

}
