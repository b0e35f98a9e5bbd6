package org.unbanpanel.pam;

import org.unbanpanel.core.ExplainedException;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.core.InvalidValueException;

/**
 * The account-lock tool could not do what was asked. The explanation names the reason in words an administrator can
 * act on, for example "faillock is not allowed to run: sudo refused …", with the tool's own words as an argument.
 */
public class AccountLockException extends ExplainedException {

	public enum Reason {

		/** The tool knows no such user. */
		UNKNOWN_USER,
		/** No account-lock tool is configured or found on this machine. */
		NOT_CONFIGURED,
		/** The tool is missing, cannot be started, or sudo refused to run it. */
		NOT_RUNNABLE,
		/** The tool did not answer within the command timeout and was stopped. */
		TIMEOUT,
		/** The tool ran and reported an error, or printed something unreadable. */
		FAILED,
		/** The host the tool runs on cannot be reached or refused the panel; nothing ran there. */
		UNREACHABLE

	}

	private final Reason reason;

	public AccountLockException(Reason reason, Explanation explanation) {
		this(reason, explanation, null);
	}

	public AccountLockException(Reason reason, Explanation explanation, Throwable cause) {
		super(explanation, cause);
		this.reason = reason;
	}

	static AccountLockException unreadable(String tool, String line) {
		return new AccountLockException(Reason.FAILED,
				Explanation.of("accounts.tool.unreadable", tool, InvalidValueException.printable(line)));
	}

	public Reason reason() {
		return reason;
	}

}
