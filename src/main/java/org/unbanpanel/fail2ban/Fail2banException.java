package org.unbanpanel.fail2ban;

import org.unbanpanel.core.ExplainedException;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.exec.CommandException;

/**
 * fail2ban could not do what was asked. The explanation names the reason in words an administrator can act on, for
 * example "fail2ban is not running (no socket at /run/fail2ban/fail2ban.sock)", with fail2ban's own words as an
 * argument.
 */
public class Fail2banException extends ExplainedException {

	public enum Reason {

		/** The server is down, its socket is missing, or it did not answer in time. */
		UNREACHABLE,
		/** fail2ban-client or sudo is missing or not allowed to run. */
		NOT_RUNNABLE,
		/** The server answered with an error, for example an unknown jail. */
		REFUSED

	}

	private final Reason reason;

	public Fail2banException(Reason reason, Explanation explanation) {
		this(reason, explanation, null);
	}

	public Fail2banException(Reason reason, Explanation explanation, Throwable cause) {
		super(explanation, cause);
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}

	/**
	 * Whether the command never reached the host fail2ban runs on (another host of the fleet that cannot be reached,
	 * or refused the panel), rather than reaching a fail2ban that failed there.
	 */
	public boolean hostUnreachable() {
		return getCause() instanceof CommandException command && command.reason() == CommandException.Reason.UNREACHABLE;
	}

}
