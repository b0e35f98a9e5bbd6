package org.unbanpanel.core;

import java.util.regex.Pattern;

/**
 * A local user name by the Debian rule ({@code adduser}'s default {@code NAME_REGEX} plus the trailing {@code $} of
 * Samba machine accounts): lower-case letters, digits, {@code _} and {@code -}, never starting with a digit or a
 * {@code -}, at most 32 characters. So a name can never be read as an option, a path or a shell payload, and a
 * digits-only value like {@code 1000} is never taken for a uid.
 */
public record AccountName(String value) {

	static final int MAX_LENGTH = 32;

	private static final Pattern DEBIAN_RULE = Pattern.compile("[a-z_][a-z0-9_-]*[$]?");

	/**
	 * A name by the rule, exactly as given.
	 * @throws InvalidValueException naming the value and what is wrong with it
	 */
	public AccountName {
		if (value == null || value.isEmpty()) {
			throw new InvalidValueException("", "invalid.user.empty", "is empty: a user name is required");
		}
		if (value.length() > MAX_LENGTH) {
			throw new InvalidValueException(value, "invalid.user.tooLong",
					"is longer than " + MAX_LENGTH + " characters");
		}
		if (!DEBIAN_RULE.matcher(value).matches()) {
			throw new InvalidValueException(value, "invalid.user.pattern",
					"is not a user name: lower-case letters, digits, '_' and '-' only, starting with a letter or '_'");
		}
	}

	/**
	 * Reads a user name as an administrator typed it, without surrounding blanks.
	 * @throws InvalidValueException naming the value and what is wrong with it
	 */
	public static AccountName parse(String text) {
		return new AccountName(text);
	}

	@Override
	public String toString() {
		return value;
	}

}
