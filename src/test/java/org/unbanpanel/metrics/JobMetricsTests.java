package org.unbanpanel.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.unbanpanel.jobs.ItemKind;
import org.unbanpanel.jobs.ItemState;
import org.unbanpanel.jobs.JailEntry;
import org.unbanpanel.jobs.JobService;
import org.unbanpanel.jobs.JobSettled;
import org.unbanpanel.jobs.JobState;
import org.unbanpanel.jobs.JobSubmitted;
import org.unbanpanel.jobs.JobView;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Job metrics read the result model: releases per jail, values by outcome, finished jobs by state and their duration
 * from the stored times, submitted jobs, and the jobs waiting.
 */
class JobMetricsTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final JobService jobs = mock(JobService.class);

	private final JobMetrics metrics = new JobMetrics(registry, jobs);

	@Test
	void countsEachReleasedBanUnderItsJailAndEachValueByItsOutcome() {
		metrics.settled(settled(JobState.PARTLY_DONE,
				item(ItemState.UNBANNED, new JailEntry("sshd", "198.51.100.0/24"),
						new JailEntry("apache", "198.51.100.20")),
				item(ItemState.PARTLY_UNBANNED, new JailEntry("sshd", "203.0.113.7")), item(ItemState.FAILED)));

		assertThat(count(JobMetrics.RELEASES, "jail", "sshd")).isEqualTo(2);
		assertThat(count(JobMetrics.RELEASES, "jail", "apache")).isEqualTo(1);
		assertThat(count(JobMetrics.VALUES, "outcome", "unbanned")).isEqualTo(1);
		assertThat(count(JobMetrics.VALUES, "outcome", "partly_unbanned")).isEqualTo(1);
		assertThat(count(JobMetrics.VALUES, "outcome", "failed")).isEqualTo(1);
		assertThat(count(JobMetrics.JOBS, "state", "partly_done")).isEqualTo(1);
		assertThat(count(JobMetrics.JOBS, "state", "done")).as("registered at zero").isZero();
	}

	@Test
	void tagsEachReleaseAndValueWithTheHostItWasReleasedOn() {
		metrics.settled(settled(JobState.DONE, item(ItemState.UNBANNED, new JailEntry("sshd", "198.51.100.7")),
				onHost("mail", item(ItemState.UNBANNED, new JailEntry("sshd", "198.51.100.7")))));

		assertThat(registry.get(JobMetrics.RELEASES).tags("jail", "sshd", "host", "local").counter().count()).isEqualTo(1);
		assertThat(registry.get(JobMetrics.RELEASES).tags("jail", "sshd", "host", "mail").counter().count()).isEqualTo(1);
		assertThat(registry.get(JobMetrics.VALUES).tags("outcome", "unbanned", "host", "mail").counter().count())
			.isEqualTo(1);
	}

	@Test
	void countsAJobOnceItHasEndedAndNoValueStillWaiting() {
		metrics.settled(settled(JobState.QUEUED, item(ItemState.PENDING)));

		assertThat(registry.find(JobMetrics.VALUES).counters()).isEmpty();
		assertThat(registry.find(JobMetrics.JOBS).counters()).allSatisfy(counter -> assertThat(counter.count()).isZero());
	}

	@Test
	void timesAFinishedJobFromItsSubmissionToItsEndAsStoredUnderItsFinalState() {
		Instant submitted = Instant.parse("2026-12-01T12:00:00Z");
		given(jobs.find(1)).willReturn(Optional.of(new JobView(1, JobState.DONE, "alice", "203.0.113.1", submitted,
				submitted.plusSeconds(1), submitted.plusSeconds(90), 2, null, null, List.of())));

		metrics.settled(settled(JobState.QUEUED, item(ItemState.PENDING)));
		metrics.settled(settled(JobState.DONE, item(ItemState.UNBANNED)));

		Timer done = registry.get(JobMetrics.DURATION).tag("state", "done").timer();
		assertThat(done.count()).isEqualTo(1);
		assertThat(done.totalTime(TimeUnit.SECONDS)).isEqualTo(90);
		assertThat(registry.get(JobMetrics.DURATION).tag("state", "failed").timer().count()).as("registered at zero")
			.isZero();
	}

	@Test
	void countsSubmittedJobsAndTellsHowManyWait() {
		given(jobs.queued()).willReturn(3);

		metrics.submitted(new JobSubmitted(1, "alice", "203.0.113.1", List.of()));
		metrics.submitted(new JobSubmitted(2, "alice", "203.0.113.1", List.of()));

		assertThat(registry.get(JobMetrics.SUBMITTED).counter().count()).isEqualTo(2);
		assertThat(registry.get(JobMetrics.WAITING).gauge().value()).isEqualTo(3);
	}

	private double count(String name, String tag, String value) {
		return registry.get(name).tag(tag, value).counter().count();
	}

	private static JobSettled settled(JobState state, JobSettled.SettledItem... items) {
		return new JobSettled(1, "alice", "203.0.113.1", state, Duration.ZERO, List.of(), List.of(items), List.of(),
				Map.of());
	}

	private static JobSettled.SettledItem onHost(String host, JobSettled.SettledItem item) {
		return new JobSettled.SettledItem(item.itemId(), host, item.kind(), item.value(), item.state(), item.released(),
				item.stillBanned(), item.covering(), item.failures(), item.errorCode(), item.errorMessage());
	}

	private static JobSettled.SettledItem item(ItemState state, JailEntry... released) {
		return new JobSettled.SettledItem(1, "local", ItemKind.IP, "198.51.100.7", state, List.of(released), List.of(),
				List.of(), 0, null, null);
	}

}
