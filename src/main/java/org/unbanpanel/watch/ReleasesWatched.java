package org.unbanpanel.watch;

import java.time.Clock;
import java.time.Instant;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.unbanpanel.hosts.HostName;
import org.unbanpanel.jobs.JailEntry;
import org.unbanpanel.jobs.JobSettled;

/**
 * Starts a watch for each entry a job released, on the host it released it on, from the jails it released from
 * ({@link JobSettled#jails()}: a new ban in another jail is no new ban of what the job did). Each entry once per value
 * and host, also when the registry hands the event out again.
 */
@Component
class ReleasesWatched {

	private final WatchRepository watches;

	private final WatchProperties properties;

	private final Clock clock;

	ReleasesWatched(WatchRepository watches, WatchProperties properties, Clock clock) {
		this.watches = watches;
		this.properties = properties;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void settled(JobSettled job) {
		if (properties.watchFor().isZero()) {
			return;
		}
		Instant now = clock.instant();
		for (JobSettled.SettledItem item : job.items()) {
			item.released()
				.stream()
				.map(JailEntry::entry)
				.distinct()
				.forEach(entry -> watches.add(HostName.parse(item.host()), entry, job.jobId(), item.itemId(), job.jails(), now,
						now.plus(properties.watchFor())));
		}
	}

}
