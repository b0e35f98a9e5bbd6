package org.unbanpanel.evidence;

import org.unbanpanel.core.BanTarget;

/**
 * What one log line says, as far as {@link LineReader} can tell.
 *
 * @param kind a failed login, another event of a known service, or a line of a known service that the panel cannot
 * read safely
 * @param service the service the line is about, as the page names it: {@code ssh}, {@code imap}, {@code smtp} …
 * @param host the client as the line names it (an address, or a host name the service resolved); {@code null} when
 * the line names none, or two readings of it name different ones
 * @param account the account name tried, {@code null} when the line names none or cannot be read without doubt
 */
record Reading(Kind kind, String service, String host, String account) {

	enum Kind {

		/** A failed login, as the service's fail2ban filter counts it in its normal mode. */
		FAILURE,
		/** Another line of a known service naming the client: a success, a disconnect, a rejected mail. */
		EVENT,
		/**
		 * A line of a known service that can be read two ways naming different clients, because text a client chose
		 * (a user name) imitates the service's own words. It is never counted for either.
		 */
		UNCLEAR

	}

	/** Whether the line is about exactly this address (an IPv4-mapped form counts as the IPv4 address). */
	boolean names(BanTarget address) {
		return host != null && HostText.address(host).map(named -> !named.isNetwork() && address.covers(named))
			.orElse(false);
	}

}
