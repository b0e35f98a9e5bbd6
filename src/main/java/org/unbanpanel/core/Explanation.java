package org.unbanpanel.core;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import com.fasterxml.jackson.annotation.JsonValue;
import org.springframework.context.MessageSourceResolvable;

/**
 * A sentence for the person at the panel, kept as a message code and its arguments so that each page and API answer
 * says it in the reader's language; {@link #english()} is the same sentence from the English bundle, for logs and
 * stored texts. An argument may be an explanation itself (the cause's sentence), and is then said in the same
 * language; a tool's own words are passed as plain text arguments and stay as the tool wrote them.
 *
 * @param code a key of {@code messages/messages.properties}
 */
public record Explanation(String code, List<Object> arguments) implements MessageSourceResolvable {

	private static final String BUNDLE = "messages/messages";

	public Explanation {
		arguments = List.copyOf(arguments);
	}

	public static Explanation of(String code, Object... arguments) {
		return new Explanation(code, List.of(arguments));
	}

	@Override
	public String[] getCodes() {
		return new String[] { code };
	}

	@Override
	public Object[] getArguments() {
		return arguments.toArray();
	}

	/** The English sentence, formatted as Spring's message source does (every message is a MessageFormat pattern). */
	@Override
	public String getDefaultMessage() {
		return english();
	}

	/** In JSON an explanation is its English sentence. */
	@JsonValue
	public String english() {
		String pattern = ResourceBundle.getBundle(BUNDLE, Locale.ROOT).getString(code);
		Object[] english = arguments.stream()
			.map(argument -> (argument instanceof Explanation explanation) ? explanation.english() : argument)
			.toArray();
		return new MessageFormat(pattern, Locale.ENGLISH).format(english);
	}

	@Override
	public String toString() {
		return english();
	}

}
