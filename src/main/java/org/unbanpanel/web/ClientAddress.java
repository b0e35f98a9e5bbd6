package org.unbanpanel.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.unbanpanel.core.BanTarget;

/**
 * The address a request comes from, as fail2ban would see it. {@code X-Forwarded-For} is read only when the direct
 * peer is a configured trusted proxy, and then only as far back as the hops are trusted proxies too: an untrusted
 * client cannot choose the address it is recorded under.
 */
@Component
public class ClientAddress {

	private final List<BanTarget> trustedProxies;

	ClientAddress(PanelProperties properties) {
		this.trustedProxies = properties.trustedProxies().stream().map(BanTarget::parse).toList();
	}

	public String of(HttpServletRequest request) {
		String client = request.getRemoteAddr();
		List<String> hops = forwardedHops(request);
		for (String hop : hops) {
			if (!isTrustedProxy(client)) {
				break;
			}
			if (parse(hop).isEmpty()) {
				break;
			}
			client = hop;
		}
		return parse(client).map(BanTarget::value).orElse(client);
	}

	private boolean isTrustedProxy(String address) {
		return parse(address).map(peer -> trustedProxies.stream().anyMatch(proxy -> proxy.covers(peer))).orElse(false);
	}

	/** The hops, nearest first: proxies append, so the last entry is the one our own proxy saw. */
	private static List<String> forwardedHops(HttpServletRequest request) {
		List<String> hops = new ArrayList<>();
		Collections.list(request.getHeaders("X-Forwarded-For"))
			.forEach(header -> List.of(header.split(",")).forEach(hop -> hops.add(hop.strip())));
		Collections.reverse(hops);
		return hops;
	}

	private static Optional<BanTarget> parse(String address) {
		return BanTarget.tryParse(address).filter(target -> !target.isNetwork());
	}

}
