package org.unbanpanel.trust;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the panel trusts released addresses ("unban and trust for a while").
 *
 * @param allowWide whether an admin may trust more addresses than a /16 (IPv4) or a /32 (IPv6) holds, or a whole
 * private range (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, fc00::/7, all IPv4-mapped addresses), counted over all
 * the values of a request together; such a trust switches fail2ban off for everyone there, so the default
 * {@code false} refuses them. Even when allowed, they need the same confirmation as anything wider than a /24's worth
 * (IPv4) or a /48's (IPv6). {@code 0.0.0.0/0} and {@code ::/0} are never trusted: only released addresses are, and
 * those two are never released (nor allowed by the sudoers rules).
 * @param retryInterval how long to wait before trying again to end expired trusts while fail2ban cannot be reached
 * (default 30 s)
 * @param checkInterval while any trust is current, how often every jail's ignore list is read and a trust it lacks is
 * put back: fail2ban empties the lists when it restarts or reloads (default 1 min)
 * @param parallelHosts how many hosts' trusts are added, checked or ended at once, each host's one change at a time
 * (default 4)
 */
@ConfigurationProperties("panel.trust")
public record TrustProperties(@DefaultValue("false") boolean allowWide, @DefaultValue("30s") Duration retryInterval,
		@DefaultValue("1m") Duration checkInterval, @DefaultValue("4") int parallelHosts) {
}
