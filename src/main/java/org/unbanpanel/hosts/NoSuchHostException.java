package org.unbanpanel.hosts;

import org.unbanpanel.core.InvalidValueException;

/** A page or an API call names a host ({@code ?host=}) that is not a host of the panel, or not a host name at all. */
public class NoSuchHostException extends RuntimeException {

	private final String host;

	public NoSuchHostException(String host) {
		super("the panel has no host '" + InvalidValueException.printable(host) + "'");
		this.host = host;
	}

	/** The name as given, unchecked. */
	public String host() {
		return host;
	}

}
