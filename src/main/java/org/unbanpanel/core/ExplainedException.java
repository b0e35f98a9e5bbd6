package org.unbanpanel.core;

import org.springframework.context.MessageSourceResolvable;

/**
 * A failure whose message is an {@link Explanation}: pages and API answers resolve it in the reader's language (it is
 * a {@link MessageSourceResolvable}), {@link #getMessage()} is the English sentence for the log.
 */
public abstract class ExplainedException extends RuntimeException implements MessageSourceResolvable {

	private final Explanation explanation;

	protected ExplainedException(Explanation explanation, Throwable cause) {
		super(explanation.english(), cause);
		this.explanation = explanation;
	}

	public Explanation explanation() {
		return explanation;
	}

	@Override
	public String[] getCodes() {
		return explanation.getCodes();
	}

	@Override
	public Object[] getArguments() {
		return explanation.getArguments();
	}

	@Override
	public String getDefaultMessage() {
		return getMessage();
	}

}
