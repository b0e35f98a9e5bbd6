package org.unbanpanel.exec;

import org.unbanpanel.core.ExplainedException;
import org.unbanpanel.core.Explanation;

/**
 * A program that did not run to an ordinary end. The message is written for the person at the panel, as a message
 * code with the program's name and its own words as arguments.
 */
public class CommandException extends ExplainedException {

	public enum Reason {

		/** The program file does not exist or is not executable. */
		NOT_FOUND,
		/** sudo refused: not allowed by sudoers, a password would be needed, or the program is missing behind it. */
		SUDO_REFUSED,
		/** The program ran longer than the timeout and was killed. */
		TIMEOUT,
		/**
		 * As many runs of the program as allowed ({@code panel.commands.max-concurrent}) were under way for the whole
		 * timeout: this one was not started.
		 */
		BUSY,
		/** The calling thread was interrupted (the panel is stopping); the program was stopped. */
		INTERRUPTED,
		/** The operating system could not start the program for another reason. */
		START_FAILED,
		/**
		 * The machine the program was to run on cannot be reached or refused the panel (another host of the fleet:
		 * no connection, a host key that is not the pinned one, the panel's key not accepted); nothing ran there.
		 */
		UNREACHABLE

	}

	private final Reason reason;

	public CommandException(Reason reason, Explanation explanation) {
		super(explanation, null);
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}

}
