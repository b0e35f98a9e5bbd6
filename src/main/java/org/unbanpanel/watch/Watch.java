package org.unbanpanel.watch;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One released address under watch.
 * @param jails the jails the job released from, whose new ban counts; empty for every jail
 */
record Watch(long id, String address, long jobId, List<String> jails, Instant releasedAt, Instant until) {

	Watch {
		jails = List.copyOf(jails);
	}

	/** The first of the jails holding the address that this watch is about, if any. */
	Optional<String> bannedIn(List<String> holding) {
		return holding.stream().filter(jail -> jails.isEmpty() || jails.contains(jail)).findFirst();
	}

}
