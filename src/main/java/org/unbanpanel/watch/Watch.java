package org.unbanpanel.watch;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.unbanpanel.core.BanTarget;
import org.unbanpanel.hosts.HostName;

/**
 * One released address under watch.
 * @param host the host it was released on, whose fail2ban is watched
 * @param jails the jails the job released from, whose new ban counts; empty for every jail
 */
record Watch(long id, HostName host, String address, long jobId, List<String> jails, Instant releasedAt, Instant until) {

	Watch {
		jails = List.copyOf(jails);
	}

	BanTarget target() {
		return BanTarget.parse(address);
	}

	/** The first of the jails holding the address that this watch is about, if any. */
	Optional<String> bannedIn(List<String> holding) {
		return holding.stream().filter(jail -> jails.isEmpty() || jails.contains(jail)).findFirst();
	}

}
