package org.unbanpanel.links;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.unbanpanel.security.SecretGuard;

/**
 * Release links.
 *
 * @param validFor how long a new link is valid, as the form proposes it (default 24h)
 * @param uses how many releases a new link allows, as the form proposes it (default 1)
 * @param protectedJails jails a link never releases from unless the admin ticked "also the protected jails" on it:
 * catch-alls that block every port and the panel's own jail (default {@code recidive, unban-panel})
 * @param baseUrl the panel's address as visitors reach it, for the link's URL (such as
 * {@code https://panel.example.org}); default: the address the admin's browser used when making the link
 * @param throttle how many wrong tokens an address may try on the public page
 */
@ConfigurationProperties("panel.links")
record LinksProperties(@DefaultValue("24h") Duration validFor, @DefaultValue("1") int uses,
		@DefaultValue({ "recidive", "unban-panel" }) List<String> protectedJails, URI baseUrl,
		@DefaultValue Throttle throttle) {

	LinksProperties {
		protectedJails = List.copyOf(protectedJails);
		if (validFor.isNegative() || validFor.isZero() || uses < 1) {
			throw new IllegalArgumentException("panel.links.valid-for and panel.links.uses must be positive");
		}
	}

	/**
	 * Wrong tokens are counted per client address (an IPv6 one also within its panel.security.throttle.ipv6-prefix
	 * network) in runs, as failed sign-ins are; each one, and each try refused, is a line of the auth log for the
	 * panel's fail2ban jail.
	 *
	 * @param maxFailures wrong tokens in a run before the page refuses the address (default 5)
	 * @param window the longest pause between two wrong tokens of one run (default 10m)
	 * @param block how long the address is refused then (default 1m), doubling with each further try
	 * @param blockMax the longest refusal (default 1h)
	 */
	record Throttle(@DefaultValue("5") int maxFailures, @DefaultValue("10m") Duration window,
			@DefaultValue("1m") Duration block, @DefaultValue("1h") Duration blockMax) {

		SecretGuard.Limits limits() {
			return new SecretGuard.Limits(maxFailures, window, block, blockMax);
		}

	}

}
