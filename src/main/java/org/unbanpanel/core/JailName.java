package org.unbanpanel.core;

import java.util.regex.Pattern;

/**
 * A fail2ban jail's name as the panel passes it on: letters, digits, {@code .}, {@code _} and {@code -}, not starting
 * with {@code -}, at most {@value #MAX_LENGTH} characters, so that it can never be read as an option or a second word.
 * Whether fail2ban runs such a jail is fail2ban's to say.
 */
public final class JailName {

	public static final int MAX_LENGTH = 64;

	private static final Pattern RULE = Pattern.compile("[A-Za-z0-9_.][A-Za-z0-9_.-]*");

	private JailName() {
	}

	/**
	 * The name, exactly as given.
	 * @throws InvalidValueException naming the value, with the code {@code invalid.jail.name}
	 */
	public static String parse(String name) {
		if (name == null || name.length() > MAX_LENGTH || !RULE.matcher(name).matches()) {
			throw new InvalidValueException(String.valueOf(name), "invalid.jail.name",
					"is not a jail name (letters, digits, '.', '_' and '-', not starting with '-', at most " + MAX_LENGTH
							+ " characters)");
		}
		return name;
	}

}
