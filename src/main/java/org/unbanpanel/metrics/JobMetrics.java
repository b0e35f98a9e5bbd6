package org.unbanpanel.metrics;

import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.unbanpanel.jobs.ItemState;
import org.unbanpanel.jobs.JobSettled;
import org.unbanpanel.jobs.JobState;

/**
 * Counts what jobs did, from the result model the jobs module publishes ({@link JobSettled}), never from their texts:
 * {@value #JOBS} ({@code panel_jobs_finished_total}) by final {@code state}, {@value #VALUES}
 * ({@code panel_job_values_total}) by each value's {@code outcome}, and {@value #RELEASES}
 * ({@code panel_releases_total}) one per ban released, tagged with its {@code jail}.
 */
@Component
class JobMetrics {

	static final String JOBS = "panel.jobs.finished";

	static final String VALUES = "panel.job.values";

	static final String RELEASES = "panel.releases";

	private final MeterRegistry registry;

	JobMetrics(MeterRegistry registry) {
		this.registry = registry;
		for (JobState state : JobState.values()) {
			if (state.finished()) {
				jobs(state);
			}
		}
	}

	@ApplicationModuleListener
	void settled(JobSettled job) {
		if (job.state().finished()) {
			jobs(job.state()).increment();
		}
		for (JobSettled.SettledItem item : job.items()) {
			if (item.state() != ItemState.PENDING) {
				counter(VALUES, "Values of jobs, by what came of each", "outcome", tag(item.state())).increment();
			}
			item.released()
				.forEach(ban -> counter(RELEASES, "Bans released, by jail", "jail", ban.jail()).increment());
		}
	}

	private Counter jobs(JobState state) {
		return counter(JOBS, "Jobs finished, by their final state", "state", tag(state));
	}

	private Counter counter(String name, String description, String tag, String value) {
		return Counter.builder(name).description(description).tag(tag, value).register(registry);
	}

	private static String tag(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

}
