package org.unbanpanel.evidence;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.unbanpanel.core.BanTarget;

/**
 * The client address in the forms services write it: plain, IPv4-mapped ({@code ::ffff:192.0.2.1}), in brackets,
 * or with a port ({@code 192.0.2.1:51380}, {@code [2001:db8::1]:51548}, as Apache writes its clients).
 */
final class HostText {

	private static final Pattern BRACKETED = Pattern.compile("\\[([0-9A-Fa-f:.]+)\\](?::\\d{1,5})?");

	private static final Pattern IPV4_WITH_PORT = Pattern.compile("([0-9.]+):\\d{1,5}");

	private HostText() {
	}

	/**
	 * Whether the text holds the address as a word of its own, not as part of a longer number or address:
	 * {@code 192.0.2.1} is in {@code "from 192.0.2.1 port 22"} and {@code "[::ffff:192.0.2.1]:22"}, not in
	 * {@code "192.0.2.10"} or {@code "10.192.0.2.1"}.
	 */
	static boolean holdsAsWord(String text, BanTarget address) {
		String word = SourceReader.searched(address);
		boolean ipv4 = word.indexOf(':') < 0;
		for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
			int end = at + word.length();
			char before = at == 0 ? ' ' : text.charAt(at - 1);
			char after = end == text.length() ? ' ' : text.charAt(end);
			boolean afterDot = after == '.' && end + 1 < text.length() && Character.isLetterOrDigit(text.charAt(end + 1));
			boolean clearBefore = ipv4 ? !Character.isLetterOrDigit(before) && before != '.'
					: !isHexDigit(before) && before != ':' && before != '.';
			boolean clearAfter = ipv4 ? !Character.isLetterOrDigit(after) && !afterDot
					: !isHexDigit(after) && after != ':' && !afterDot;
			if (clearBefore && clearAfter) {
				return true;
			}
		}
		return false;
	}

	private static boolean isHexDigit(char c) {
		return Character.digit(c, 16) >= 0;
	}

	static Optional<BanTarget> address(String text) {
		Optional<BanTarget> plain = BanTarget.tryParse(text);
		if (plain.isPresent()) {
			return plain;
		}
		Matcher bracketed = BRACKETED.matcher(text);
		if (bracketed.matches()) {
			return BanTarget.tryParse(bracketed.group(1));
		}
		Matcher withPort = IPV4_WITH_PORT.matcher(text);
		return withPort.matches() ? BanTarget.tryParse(withPort.group(1)) : Optional.empty();
	}

}
