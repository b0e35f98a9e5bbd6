package org.unbanpanel.evidence;

import org.unbanpanel.core.BanTarget;
import org.unbanpanel.core.InvalidValueException;

/** The address a request asks about: one address, as Lookup takes it; a network is refused, no line bans one. */
final class BannedAddress {

	private BannedAddress() {
	}

	/** @throws InvalidValueException with the message code for the page and the API */
	static BanTarget parse(String text) {
		BanTarget address = BanTarget.parse(text == null ? "" : text.strip());
		if (address.isNetwork()) {
			throw new InvalidValueException(address.value(), "evidence.network",
					"is a network: fail2ban bans networks only when told to, never from log lines");
		}
		return address;
	}

}
