package org.unbanpanel.hosts;

import java.util.regex.Pattern;

import org.unbanpanel.core.InvalidValueException;

/**
 * The name a host of the fleet goes by on the panel's pages, in its API and in its settings: lower-case letters,
 * digits and {@code -}, 1 to 32 of them. {@link #LOCAL} is the machine the panel runs on.
 */
public record HostName(String value) {

	static final int MAX_LENGTH = 32;

	private static final Pattern RULE = Pattern.compile("[a-z0-9-]{1," + MAX_LENGTH + "}");

	/** The name of {@link #LOCAL}, for a request parameter's default. */
	public static final String LOCAL_NAME = "local";

	/** The machine the panel runs on, a host like the others unless {@code panel.local-host} is {@code false}. */
	public static final HostName LOCAL = new HostName(LOCAL_NAME);

	/** @throws InvalidValueException naming the value, when it does not follow the rule */
	public HostName {
		if (value == null || !RULE.matcher(value).matches()) {
			throw new InvalidValueException(String.valueOf(value), "invalid.host.name",
					"is not a host name: 1 to " + MAX_LENGTH + " lower-case letters, digits and '-'");
		}
	}

	public static HostName parse(String text) {
		return new HostName(text);
	}

	public boolean isLocal() {
		return LOCAL.equals(this);
	}

	@Override
	public String toString() {
		return value;
	}

}
