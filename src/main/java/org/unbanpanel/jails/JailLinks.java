package org.unbanpanel.jails;

import org.springframework.web.util.UriComponentsBuilder;
import org.unbanpanel.hosts.HostName;

/**
 * The addresses of a host's jail pages: {@code /jails/{name}} for the local machine, as on a single-host panel, with
 * {@code ?host=} for another host.
 */
final class JailLinks {

	private JailLinks() {
	}

	static String bans(String host, String jail) {
		return builder("/jails/{name}", host).buildAndExpand(jail).toUriString();
	}

	static String rules(String host, String jail) {
		return builder("/jails/{name}/rules", host).buildAndExpand(jail).toUriString();
	}

	static UriComponentsBuilder builder(String path, String host) {
		UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
		if (!HostName.LOCAL.value().equals(host)) {
			builder.queryParam("host", host);
		}
		return builder.encode();
	}

}
