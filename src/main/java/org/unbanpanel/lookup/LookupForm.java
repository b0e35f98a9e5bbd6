package org.unbanpanel.lookup;

import org.springframework.util.StringUtils;

/**
 * What the lookup page sends: an address and/or a user name (a GET for the lookup), and for "Release everything"
 * also the trust period and the confirmation for wide ranges.
 */
record LookupForm(String ip, String user, String trust, Boolean confirmWide) {

	static final String IP = "ip";

	static final String USER = "user";

	boolean isEmpty() {
		return !StringUtils.hasText(ip) && !StringUtils.hasText(user);
	}

	boolean confirmed() {
		return Boolean.TRUE.equals(confirmWide);
	}

}
