package org.unbanpanel.core;

/**
 * A value that must never reach a program: not a valid address, network or user name, or shaped like an option or a
 * shell payload. Thrown before any process starts.
 */
public class InvalidValueException extends IllegalArgumentException {

	private final String value;

	private final String code;

	/**
	 * @param value the value as it was given
	 * @param code a message code such as {@code invalid.ip.leadingZero}, resolvable through
	 * {@code messages.properties}
	 * @param reason the reason in English, for logs and API answers
	 */
	public InvalidValueException(String value, String code, String reason) {
		super("'" + printable(value) + "' " + reason);
		this.value = value;
		this.code = code;
	}

	public String value() {
		return value;
	}

	public String code() {
		return code;
	}

	/**
	 * Control characters shown as escapes, so a hostile value cannot forge log lines or page content: the C0 and C1
	 * controls, and the invisible format characters and line separators that reorder or break what is shown
	 * (U+202E RIGHT-TO-LEFT OVERRIDE makes {@code 4.3.2.1} read as {@code 1.2.3.4}).
	 */
	public static String printable(String value) {
		if (value == null) {
			return "";
		}
		StringBuilder text = new StringBuilder();
		value.codePoints().limit(80).forEach(c -> {
			if (isControl(c)) {
				text.append(String.format("\\u%04x", c));
			}
			else {
				text.appendCodePoint(c);
			}
		});
		return value.codePointCount(0, value.length()) > 80 ? text + "…" : text.toString();
	}

	/** Whether the text holds a character {@link #printable} would escape. */
	public static boolean hasControlCharacters(String value) {
		return value.codePoints().anyMatch(InvalidValueException::isControl);
	}

	private static boolean isControl(int c) {
		int type = Character.getType(c);
		return Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
				|| type == Character.PARAGRAPH_SEPARATOR;
	}

}
