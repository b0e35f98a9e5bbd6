package org.unbanpanel.pam;

import org.unbanpanel.core.InvalidValueException;

/**
 * The account-lock tool could not do what was asked. The message names the reason in words an administrator can act
 * on, for example "faillock is not allowed to run: sudo refused …".
 */
public class AccountLockException extends RuntimeException {

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
		FAILED

	}

	private final Reason reason;

	public AccountLockException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	public AccountLockException(Reason reason, String message, Throwable cause) {
		super(message, cause);
		this.reason = reason;
	}

	static AccountLockException unreadable(String tool, String line) {
		return new AccountLockException(Reason.FAILED,
				tool + " printed a line the panel cannot read: " + InvalidValueException.printable(line));
	}

	public Reason reason() {
		return reason;
	}

}
