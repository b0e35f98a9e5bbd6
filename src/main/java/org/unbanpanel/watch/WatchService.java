package org.unbanpanel.watch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.unbanpanel.jobs.Reban;
import org.unbanpanel.jobs.ReleaseWatch;

/**
 * The watch module's public service: the new bans it saw, for the job's page ({@link ReleaseWatch}), Lookup and the
 * Unblock Access page.
 */
@Service
public class WatchService implements ReleaseWatch {

	/** How far back the Unblock Access page lists new bans. */
	public static final Duration RECENT = Duration.ofHours(24);

	private static final int MAX_LISTED = 100;

	private final WatchRepository watches;

	private final Clock clock;

	WatchService(WatchRepository watches, Clock clock) {
		this.watches = watches;
		this.clock = clock;
	}

	@Override
	public List<Reban> bannedAgain(long jobId) {
		return watches.ofJob(jobId);
	}

	@Override
	public Optional<Instant> watchedUntil(long jobId) {
		return watches.watchedUntil(jobId, clock.instant());
	}

	/** The address's latest new bans after a release through the panel, newest first. */
	public List<Reban> ofAddress(String address) {
		return watches.ofAddress(address, 10);
	}

	/** The new bans of the last {@link #RECENT}, newest first, at most 100. */
	public List<Reban> recent() {
		return watches.since(clock.instant().minus(RECENT), MAX_LISTED);
	}

}
