package org.unbanpanel.jails;

import org.unbanpanel.core.InvalidValueException;

/** The jail a page or an API call names is not one fail2ban runs. */
class UnknownJailException extends RuntimeException {

	private final String jail;

	UnknownJailException(String jail) {
		super("fail2ban has no jail '" + InvalidValueException.printable(jail) + "'");
		this.jail = jail;
	}

	String jail() {
		return jail;
	}

}
