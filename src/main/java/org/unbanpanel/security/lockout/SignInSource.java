package org.unbanpanel.security.lockout;

import java.io.Serializable;

/**
 * Where a sign-in attempt comes from, read off its request by {@link SignInGuard#source}: Spring Security keeps it as
 * the attempt's details.
 *
 * @param address the client address, an IPv4-mapped one as IPv4
 * @param device the known-device cookie the browser sent, or {@code null}
 */
public record SignInSource(String address, String device) implements Serializable {

	/** For an attempt with no request at hand; fail2ban's {@code <HOST>} never matches the address. */
	public static final SignInSource UNKNOWN = new SignInSource("-", null);

}
