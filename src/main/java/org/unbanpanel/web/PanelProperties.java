package org.unbanpanel.web;

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
 */
@ConfigurationProperties("panel")
public record PanelProperties(@DefaultValue("./data") Path dataDir, @DefaultValue List<String> trustedProxies,
		ZoneId timeZone) {

	/** The configured zone, or the system's. */
	public ZoneId zone() {
		return (timeZone != null) ? timeZone : ZoneId.systemDefault();
	}

}
