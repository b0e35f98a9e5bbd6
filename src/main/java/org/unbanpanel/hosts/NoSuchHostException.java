package org.unbanpanel.hosts;

import org.unbanpanel.core.ExplainedException;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.core.InvalidValueException;

/**
 * A page or an API call names a host ({@code ?host=}) that is not a host of the panel, or not a host name at all; it
 * says so in the reader's language ({@code hosts.unknown}).
 */
public class NoSuchHostException extends ExplainedException {

	private final String host;

	public NoSuchHostException(String host) {
		super(Explanation.of("hosts.unknown", InvalidValueException.printable(host)), null);
		this.host = host;
	}

	/** The name as given, unchecked. */
	public String host() {
		return host;
	}

}
