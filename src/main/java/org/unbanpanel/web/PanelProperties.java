package org.unbanpanel.web;

import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings every feature shares.
 *
 * @param dataDir where the panel keeps its database and the initial admin's password hash (default {@code ./data},
 * relative to the working directory)
 * @param trustedProxies addresses or networks of reverse proxies whose {@code X-Forwarded-For} is believed (default
 * none: the client address is the TCP peer)
 * @param timeZone the zone every page shows times in and the audit's days are counted in, such as
 * {@code Europe/Madrid} (default: the system's zone)
 * @param baseUrl the panel's address as its admins reach it, such as {@code https://panel.example.org} (with a path
 * when the panel is served under one), for the links a notice carries (default none: they stay paths such as
 * {@code /evidence?jail=dovecot&ip=192.0.2.7}); a release link's URL has its own {@code panel.links.base-url}
 */
@ConfigurationProperties("panel")
public record PanelProperties(@DefaultValue("./data") Path dataDir, @DefaultValue List<String> trustedProxies,
		ZoneId timeZone, URI baseUrl) {

	public PanelProperties {
		if (baseUrl != null && (!List.of("http", "https").contains(String.valueOf(baseUrl.getScheme()))
				|| baseUrl.getHost() == null || baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null)) {
			throw new IllegalArgumentException(
					"panel.base-url must be an http or https URL without query or fragment: " + baseUrl);
		}
	}

	/** The configured zone, or the system's. */
	public ZoneId zone() {
		return (timeZone != null) ? timeZone : ZoneId.systemDefault();
	}

	/**
	 * A page's address for outside the panel: under {@link #baseUrl()}, or the path itself when none is set.
	 * @param path from the panel's root, starting with {@code /}
	 */
	public String link(String path) {
		return (baseUrl != null) ? baseUrl.toString().replaceAll("/+$", "") + path : path;
	}

}
