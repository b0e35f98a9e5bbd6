package org.unbanpanel.jails;

import org.unbanpanel.core.InvalidValueException;

/** The host a jail page or an API call names ({@code ?host=}) is not a host of the panel, or not a host name at all. */
class UnknownHostException extends RuntimeException {

	private final String host;

	UnknownHostException(String host) {
		super("the panel has no host '" + InvalidValueException.printable(host) + "'");
		this.host = host;
	}

	String host() {
		return host;
	}

}
