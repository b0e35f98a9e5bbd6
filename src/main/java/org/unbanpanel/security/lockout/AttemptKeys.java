package org.unbanpanel.security.lockout;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.unbanpanel.core.BanTarget;

/**
 * What one attempt is counted against: its address (and, for IPv6, its network), and its user name or, for a
 * browser the name signed in from before, that browser.
 */
record AttemptKeys(List<String> addresses, String name) {

	/** Longer user names are cut for counting, so a flood of huge names cannot fill the memory. */
	static final int MAX_NAME = 128;

	static AttemptKeys of(String address, int ipv6Prefix, String nameOrDevice) {
		return new AttemptKeys(addressKeys(address, ipv6Prefix), nameOrDevice);
	}

	/**
	 * The address as fail2ban and the throttle count it: an IPv4-mapped IPv6 address ({@code ::ffff:192.0.2.1}) is
	 * the IPv4 address it carries; anything that is no single address stays as it is.
	 */
	static String canonicalAddress(String address) {
		return single(address).map(AttemptKeys::unmapped).orElse(address);
	}

	/**
	 * The name as Spring Security's form sign-in and its user store see it: {@link String#trim()} (every character
	 * up to U+0020, control characters included, cut from both ends) and {@link Locale#ROOT} lower case. HTTP Basic
	 * does not trim; counting its names trimmed too only ever adds up what could be one account.
	 */
	static String nameKey(String username) {
		String key = "name " + (username == null ? "" : username.trim().toLowerCase(Locale.ROOT));
		return key.length() > MAX_NAME ? key.substring(0, MAX_NAME) : key;
	}

	static String deviceKey(String device) {
		return "device " + device;
	}

	private static List<String> addressKeys(String address, int ipv6Prefix) {
		Optional<BanTarget> target = single(address);
		if (target.isEmpty()) {
			return List.of("address " + address);
		}
		String canonical = unmapped(target.get());
		if (!canonical.contains(":") || ipv6Prefix == 128) {
			return List.of("address " + canonical);
		}
		return List.of("address " + canonical, "network " + BanTarget.parse(canonical + "/" + ipv6Prefix).value());
	}

	private static Optional<BanTarget> single(String address) {
		return BanTarget.tryParse(address).filter(target -> !target.isNetwork());
	}

	/** Java reads an IPv4-mapped literal as the IPv4 address; the text is a checked literal, so no name is looked up. */
	private static String unmapped(BanTarget address) {
		try {
			InetAddress parsed = InetAddress.getByName(address.value());
			return parsed instanceof Inet4Address ? parsed.getHostAddress() : address.value();
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException("a checked address literal did not parse: " + address, ex);
		}
	}

}
