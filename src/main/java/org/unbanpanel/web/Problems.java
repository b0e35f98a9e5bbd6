package org.unbanpanel.web;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * RFC 9457 problem details of the JSON API whose title and detail are messages, said in the language the request
 * asks for ({@code Accept-Language}, see {@link LocaleConfiguration}).
 */
@Component
public class Problems {

	private final MessageSource messages;

	Problems(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * @param titleCode the message of the title, such as {@code problem.title.unknownJail}
	 * @param detail the detail, for example a failure's explanation
	 */
	public ProblemDetail of(HttpStatus status, String titleCode, MessageSourceResolvable detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, text(detail));
		problem.setTitle(messages.getMessage(titleCode, null, LocaleContextHolder.getLocale()));
		return problem;
	}

	String text(MessageSourceResolvable message) {
		return messages.getMessage(message, LocaleContextHolder.getLocale());
	}

}
