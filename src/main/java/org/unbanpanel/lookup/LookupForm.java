package org.unbanpanel.lookup;

import java.util.List;

import org.springframework.util.StringUtils;

/**
 * What the lookup page sends: an address and/or a user name (a GET for the lookup), and for "Release everything"
 * also the trust period, the confirmation for wide ranges, and the locked accounts the evidence named that the
 * admin chose to clear too, and the hosts where the lookup found something to release (none: every host).
 */
record LookupForm(String ip, String user, String trust, Boolean confirmWide, List<String> unlock, List<String> host) {

	static final String IP = "ip";

	static final String USER = "user";

	static final String UNLOCK = "unlock";

	LookupForm {
		unlock = unlock == null ? List.of() : List.copyOf(unlock);
		host = host == null ? List.of() : List.copyOf(host);
	}

	boolean isEmpty() {
		return !StringUtils.hasText(ip) && !StringUtils.hasText(user);
	}

	boolean confirmed() {
		return Boolean.TRUE.equals(confirmWide);
	}

}
