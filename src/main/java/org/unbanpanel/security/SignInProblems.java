package org.unbanpanel.security;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.LocaleResolver;
import org.unbanpanel.web.ProblemResponses;

/**
 * The API's refusals of the security filters, which answer before any controller: RFC 9457 problems whose title and
 * detail are messages in the request's language, as the panel's {@link LocaleResolver} reads it.
 */
final class SignInProblems {

	private final MessageSource messages;

	private final LocaleResolver locales;

	SignInProblems(MessageSource messages, LocaleResolver locales) {
		this.messages = messages;
		this.locales = locales;
	}

	/**
	 * @param titleCode the message of the title
	 * @param detailCode the message of the detail, with {@code arguments}
	 */
	void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String titleCode,
			String detailCode, Object... arguments) throws IOException {
		Locale locale = locales.resolveLocale(request);
		ProblemResponses.write(response, status, messages.getMessage(titleCode, null, locale),
				messages.getMessage(detailCode, arguments, locale));
	}

}
