package org.unbanpanel.metrics;

import java.time.Duration;
import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.unbanpanel.jobs.ItemState;
import org.unbanpanel.jobs.JobService;
import org.unbanpanel.jobs.JobSettled;
import org.unbanpanel.jobs.JobState;
import org.unbanpanel.jobs.JobSubmitted;

/**
 * Counts what jobs did, from the result model the jobs module publishes ({@link JobSubmitted}, {@link JobSettled}),
 * never from their texts: {@value #SUBMITTED} ({@code panel_jobs_submitted_total}), {@value #JOBS}
 * ({@code panel_jobs_finished_total}) by final {@code state}, {@value #DURATION} ({@code panel_jobs_duration_seconds})
 * from a job's submission to its end as the job stores them, by final {@code state}, {@value #VALUES}
 * ({@code panel_job_values_total}) by each value's {@code outcome} and {@code host} (a value released on three
 * hosts counts three times, once per host), and {@value #RELEASES} ({@code panel_releases_total}) one per ban
 * released, tagged with its {@code jail} and the {@code host} of the fleet it was released on; and the gauge {@value #WAITING}
 * ({@code panel_jobs_waiting}), the jobs queued (not taken up yet, or waiting for fail2ban), read at each scrape.
 */
@Component
class JobMetrics {

	static final String SUBMITTED = "panel.jobs.submitted";

	static final String JOBS = "panel.jobs.finished";

	static final String DURATION = "panel.jobs.duration";

	static final String WAITING = "panel.jobs.waiting";

	static final String VALUES = "panel.job.values";

	static final String RELEASES = "panel.releases";

	private final MeterRegistry registry;

	private final JobService jobs;

	private final Counter submitted;

	JobMetrics(MeterRegistry registry, JobService jobs) {
		this.registry = registry;
		this.jobs = jobs;
		this.submitted = Counter.builder(SUBMITTED).description("Jobs submitted").register(registry);
		Gauge.builder(WAITING, jobs, JobService::queued)
			.description("Jobs waiting to run: queued, not taken up yet or waiting for fail2ban to come back")
			.register(registry);
		for (JobState state : JobState.values()) {
			if (state.finished()) {
				jobs(state);
				duration(state);
			}
		}
	}

	@ApplicationModuleListener
	void submitted(JobSubmitted job) {
		submitted.increment();
	}

	@ApplicationModuleListener
	void settled(JobSettled job) {
		if (job.state().finished()) {
			jobs(job.state()).increment();
			jobs.find(job.jobId())
				.filter(ended -> ended.finishedAt() != null)
				.ifPresent(ended -> duration(job.state()).record(Duration.between(ended.createdAt(), ended.finishedAt())));
		}
		for (JobSettled.SettledItem item : job.items()) {
			if (item.state() != ItemState.PENDING) {
				counter(VALUES, "Values of jobs, by what came of each and the host", "outcome", tag(item.state()),
						"host", item.host()).increment();
			}
			item.released()
				.forEach(ban -> counter(RELEASES, "Bans released, by jail and host", "jail", ban.jail(), "host",
						item.host()).increment());
		}
	}

	private Counter jobs(JobState state) {
		return counter(JOBS, "Jobs finished, by their final state", "state", tag(state));
	}

	private Timer duration(JobState state) {
		return Timer.builder(DURATION)
			.description("Time from a job's submission to its end, waits for fail2ban included, by its final state")
			.tag("state", tag(state))
			.register(registry);
	}

	/** @param tags names and values, in turn */
	private Counter counter(String name, String description, String... tags) {
		return Counter.builder(name).description(description).tags(tags).register(registry);
	}

	private static String tag(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

}
