package org.unbanpanel.exec;

/**
 * A program that did not run to an ordinary end. The message is written for the person at the panel.
 */
public class CommandException extends RuntimeException {

	public enum Reason {

		/** The program file does not exist or is not executable. */
		NOT_FOUND,
		/** sudo refused: not allowed by sudoers, a password would be needed, or the program is missing behind it. */
		SUDO_REFUSED,
		/** The program ran longer than the timeout and was killed. */
		TIMEOUT,
		/** The calling thread was interrupted (the panel is stopping); the program was stopped. */
		INTERRUPTED,
		/** The operating system could not start the program for another reason. */
		START_FAILED

	}

	private final Reason reason;

	public CommandException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}

}
