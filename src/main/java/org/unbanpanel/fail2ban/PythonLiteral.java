package org.unbanpanel.fail2ban;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the Python literals fail2ban-client prints with {@code repr()}: lists and tuples (as {@link List}), dicts
 * (as {@link Map}, in printed order), strings in single or double quotes with backslash escapes, integers (as
 * {@link Long}), {@code None} (as {@code null}), {@code True} and {@code False}. Anything else is an error, never a
 * guess.
 */
final class PythonLiteral {

	private final String text;

	private int position;

	private PythonLiteral(String text) {
		this.text = text;
	}

	/**
	 * @param text exactly one literal, blanks around it allowed
	 * @throws IllegalArgumentException saying where the text stops being a literal this parser reads
	 */
	static Object parse(String text) {
		PythonLiteral parser = new PythonLiteral(text);
		Object value = parser.value();
		parser.skipBlanks();
		if (parser.position != text.length()) {
			throw parser.error("unexpected text after the value");
		}
		return value;
	}

	private Object value() {
		skipBlanks();
		if (position >= text.length()) {
			throw error("value expected");
		}
		char c = text.charAt(position);
		return switch (c) {
			case '[' -> sequence(']');
			case '(' -> sequence(')');
			case '{' -> dict();
			case '\'', '"' -> string(c);
			default -> (c == '-' || Character.isDigit(c)) ? integer() : word();
		};
	}

	private List<Object> sequence(char close) {
		position++;
		List<Object> items = new ArrayList<>();
		while (!consume(close)) {
			items.add(value());
			if (!consume(',')) {
				expect(close);
				break;
			}
		}
		return Collections.unmodifiableList(items);
	}

	private Map<Object, Object> dict() {
		position++;
		Map<Object, Object> entries = new LinkedHashMap<>();
		while (!consume('}')) {
			Object key = value();
			expect(':');
			entries.put(key, value());
			if (!consume(',')) {
				expect('}');
				break;
			}
		}
		return Collections.unmodifiableMap(entries);
	}

	private String string(char quote) {
		position++;
		StringBuilder value = new StringBuilder();
		while (position < text.length()) {
			char c = text.charAt(position++);
			if (c == quote) {
				return value.toString();
			}
			if (c == '\\') {
				escape(value);
			}
			else {
				value.append(c);
			}
		}
		throw error("string not closed");
	}

	private void escape(StringBuilder value) {
		if (position >= text.length()) {
			throw error("string not closed");
		}
		char c = text.charAt(position++);
		switch (c) {
			case 'n' -> value.append('\n');
			case 't' -> value.append('\t');
			case 'r' -> value.append('\r');
			case '0' -> value.append('\0');
			case 'x' -> value.appendCodePoint(hex(2));
			case 'u' -> value.appendCodePoint(hex(4));
			case 'U' -> value.appendCodePoint(hex(8));
			case '\\', '\'', '"' -> value.append(c);
			default -> throw error("unknown escape \\" + c);
		}
	}

	private int hex(int digits) {
		if (position + digits > text.length()) {
			throw error("escape cut short");
		}
		try {
			int codePoint = Integer.parseInt(text.substring(position, position + digits), 16);
			position += digits;
			return codePoint;
		}
		catch (NumberFormatException ex) {
			throw error("bad hexadecimal escape");
		}
	}

	private Long integer() {
		int start = position;
		if (text.charAt(position) == '-') {
			position++;
		}
		while (position < text.length() && Character.isDigit(text.charAt(position))) {
			position++;
		}
		try {
			return Long.valueOf(text.substring(start, position));
		}
		catch (NumberFormatException ex) {
			throw error("bad integer");
		}
	}

	private Object word() {
		for (String word : new String[] { "None", "True", "False" }) {
			if (text.startsWith(word, position)) {
				position += word.length();
				return "None".equals(word) ? null : Boolean.valueOf("True".equals(word));
			}
		}
		throw error("unexpected character '" + text.charAt(position) + "'");
	}

	private boolean consume(char c) {
		skipBlanks();
		if (position < text.length() && text.charAt(position) == c) {
			position++;
			return true;
		}
		return false;
	}

	private void expect(char c) {
		if (!consume(c)) {
			throw error("'" + c + "' expected");
		}
	}

	private void skipBlanks() {
		while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
			position++;
		}
	}

	private IllegalArgumentException error(String problem) {
		return new IllegalArgumentException("not a Python literal at character " + position + ": " + problem);
	}

}
