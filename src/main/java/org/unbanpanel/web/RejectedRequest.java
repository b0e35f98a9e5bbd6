package org.unbanpanel.web;

import java.util.List;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.validation.Errors;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.core.Rejection;

/**
 * An API request refused for its values, nothing done: {@link ApiProblems} answers it with a 400 problem (RFC 9457)
 * listing each refused value under {@code errors} with its field, code, value and sentence.
 */
public class RejectedRequest extends RuntimeException {

	private final String titleCode;

	private final Explanation detail;

	private final List<Entry> entries;

	private RejectedRequest(String titleCode, Explanation detail, List<Entry> entries) {
		super(detail.english());
		this.titleCode = titleCode;
		this.detail = detail;
		this.entries = List.copyOf(entries);
	}

	/**
	 * @param titleCode the message of the problem's title, such as {@code lookup.api.invalid} ("Invalid lookup")
	 * @param detail the problem's detail, such as "Nothing was looked up: 2 values are not acceptable."
	 */
	public static RejectedRequest of(String titleCode, Explanation detail, List<Rejection> rejections) {
		return new RejectedRequest(titleCode, detail, rejections.stream()
			.map(rejection -> new Entry(String.valueOf(rejection.field()), rejection.code(), rejection.value(),
					new DefaultMessageSourceResolvable(new String[] { rejection.code() },
							new Object[] { rejection.value() })))
			.toList());
	}

	/** The field errors of a bound form (Bean Validation and {@code rejectValue}), each with its own message. */
	public static RejectedRequest of(String titleCode, Explanation detail, Errors errors) {
		return new RejectedRequest(titleCode, detail, errors.getFieldErrors()
			.stream()
			.map(error -> new Entry(error.getField(), String.valueOf(error.getCode()),
					String.valueOf(error.getRejectedValue()), error))
			.toList());
	}

	String titleCode() {
		return titleCode;
	}

	Explanation detail() {
		return detail;
	}

	List<Entry> entries() {
		return entries;
	}

	/** One refused value, and the message that says why. */
	record Entry(String field, String code, String value, MessageSourceResolvable message) {
	}

}
