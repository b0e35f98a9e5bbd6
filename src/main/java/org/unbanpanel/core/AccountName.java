package org.unbanpanel.core;

import java.util.regex.Pattern;

/**
 * A local user name by the Debian rule ({@code adduser}'s default {@code NAME_REGEX} plus the trailing {@code $} of
 * Samba machine accounts): lower-case letters, digits, {@code _} and {@code -}, never starting with a digit or a
 * {@code -}, at most 32 characters. So a name can never be read as an option, a path or a shell payload, and a
 * digits-only value like {@code 1000} is never taken for a uid.
 */
public final class AccountName {

	static final int MAX_LENGTH = 32;

	private static final Pattern DEBIAN_RULE = Pattern.compile("[a-z_][a-z0-9_-]*[$]?");

	private final String value;

	private AccountName(String value) {
		this.value = value;
	}

	/**
	 * Reads a user name as an administrator typed it, without surrounding blanks.
	 * @throws InvalidValueException naming the value and what is wrong with it
	 */
	public static AccountName parse(String text) {
		if (text == null || text.isEmpty()) {
			throw new InvalidValueException("", "invalid.user.empty", "is empty: a user name is required");
		}
		if (text.length() > MAX_LENGTH) {
			throw new InvalidValueException(text, "invalid.user.tooLong",
					"is longer than " + MAX_LENGTH + " characters");
		}
		if (!DEBIAN_RULE.matcher(text).matches()) {
			throw new InvalidValueException(text, "invalid.user.pattern",
					"is not a user name: lower-case letters, digits, '_' and '-' only, starting with a letter or '_'");
		}
		return new AccountName(text);
	}

	public String value() {
		return value;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof AccountName name && name.value.equals(value);
	}

	@Override
	public int hashCode() {
		return value.hashCode();
	}

	@Override
	public String toString() {
		return value;
	}

}
