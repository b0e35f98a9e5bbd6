package org.unbanpanel.web;

import java.util.List;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.validation.Errors;
import org.unbanpanel.core.Rejection;

/**
 * An API request refused for its values, nothing done: {@link ApiProblems} answers it with a 400 problem (RFC 9457)
 * listing each refused value under {@code errors} with its field, code, value and sentence.
 */
public class RejectedRequest extends RuntimeException {

	private final String title;

	private final List<Entry> entries;

	private RejectedRequest(String title, String detail, List<Entry> entries) {
		super(detail);
		this.title = title;
		this.entries = List.copyOf(entries);
	}

	/**
	 * @param title the problem's title, such as "Invalid lookup"
	 * @param detail the problem's detail, such as "Nothing was looked up: 2 value(s) are not acceptable."
	 */
	public static RejectedRequest of(String title, String detail, List<Rejection> rejections) {
		return new RejectedRequest(title, detail, rejections.stream()
			.map(rejection -> new Entry(String.valueOf(rejection.field()), rejection.code(), rejection.value(),
					new DefaultMessageSourceResolvable(new String[] { rejection.code() },
							new Object[] { rejection.value() })))
			.toList());
	}

	/** The field errors of a bound form (Bean Validation and {@code rejectValue}), each with its own message. */
	public static RejectedRequest of(String title, String detail, Errors errors) {
		return new RejectedRequest(title, detail, errors.getFieldErrors()
			.stream()
			.map(error -> new Entry(error.getField(), String.valueOf(error.getCode()),
					String.valueOf(error.getRejectedValue()), error))
			.toList());
	}

	String title() {
		return title;
	}

	List<Entry> entries() {
		return entries;
	}

	/** One refused value, and the message that says why. */
	record Entry(String field, String code, String value, MessageSourceResolvable message) {
	}

}
