package org.unbanpanel.evidence;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.unbanpanel.fail2ban.BanTarget;

/**
 * The client address in the forms services write it: plain, IPv4-mapped ({@code ::ffff:192.0.2.1}), in brackets,
 * or with a port ({@code 192.0.2.1:51380}, {@code [2001:db8::1]:51548}, as Apache writes its clients).
 */
final class HostText {

	private static final Pattern BRACKETED = Pattern.compile("\\[([0-9A-Fa-f:.]+)\\](?::\\d{1,5})?");

	private static final Pattern IPV4_WITH_PORT = Pattern.compile("([0-9.]+):\\d{1,5}");

	private HostText() {
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
