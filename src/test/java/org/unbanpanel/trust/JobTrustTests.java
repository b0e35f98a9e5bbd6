package org.unbanpanel.trust;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.fail2ban.Fail2banException;
import org.unbanpanel.jobs.ItemKind;
import org.unbanpanel.jobs.ItemState;
import org.unbanpanel.jobs.JobSettled;
import org.unbanpanel.jobs.JobState;
import org.unbanpanel.jobs.JobTrusts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** What the trust module does when it hears of a job's results. */
class JobTrustTests {

	private final TrustService service = mock(TrustService.class);

	private final JobTrust listener = new JobTrust(service);

	@Test
	void trustsTheAddressesAFinishedJobUnblockedForTheTimeItAsked() {
		when(service.reportsOf(7)).thenReturn(Map.of());

		listener.jobSettled(settled(JobState.PARTLY_DONE, Duration.ofHours(12), "203.0.113.7", "2001:db8::6"));

		verify(service).trust(Map.of("local", List.of(BanTarget.parse("203.0.113.7"), BanTarget.parse("2001:db8::6"))),
				Duration.ofHours(12), "alice", "198.51.100.2", 7L);
	}

	@Test
	void trustsNothingBeforeTheJobEndsNorWithoutATrustNorTwice() {
		when(service.reportsOf(7)).thenReturn(Map.of("local", new JobTrusts.Report(true, null)));

		listener.jobSettled(settled(JobState.QUEUED, Duration.ofHours(12), "203.0.113.7"));
		listener.jobSettled(settled(JobState.DONE, Duration.ZERO, "203.0.113.7"));
		listener.jobSettled(settled(JobState.DONE, Duration.ofHours(12), "203.0.113.7"));

		verify(service, never()).trust(anyMap(), any(), any(), any(), any());
	}

	@Test
	void keepsWhatFail2banDidNotTakeForTheExpiryToApply() {
		when(service.reportsOf(7)).thenReturn(Map.of());
		doThrow(new Fail2banException(Fail2banException.Reason.UNREACHABLE, Explanation.of("fail2ban.noSocket", "/run/fail2ban/fail2ban.sock"))).when(service)
			.trust(anyMap(), any(), any(), any(), any());

		listener.jobSettled(settled(JobState.DONE, Duration.ofHours(1), "203.0.113.7"));

		verify(service).trust(anyMap(), any(), any(), any(), any());
	}

	@Test
	void reportsATrustWithNothingLeftToTrustAsDone() {
		when(service.reportsOf(7)).thenReturn(Map.of());

		listener.jobSettled(settled(JobState.FAILED, Duration.ofHours(1)));

		verify(service).nothingToTrust(7);
	}

	@Test
	void trustsOnEachHostWhatItReleasedThereAndSkipsAHostWhoseTrustIsApplied() {
		when(service.reportsOf(7)).thenReturn(Map.of("local", new JobTrusts.Report(true, null)));
		JobSettled settled = new JobSettled(7, "alice", "198.51.100.2", JobState.DONE, Duration.ofHours(1), List.of(),
				List.of(), List.of("203.0.113.7"),
				Map.of("local", List.of("203.0.113.7"), "mail", List.of("203.0.113.7", "198.51.100.9")));

		listener.jobSettled(settled);

		verify(service).trust(Map.of("mail", List.of(BanTarget.parse("203.0.113.7"), BanTarget.parse("198.51.100.9"))),
				Duration.ofHours(1), "alice", "198.51.100.2", 7L);
	}

	@Test
	void anEventOfAnOlderPanelTrustsItsAddressesOnTheLocalHost() {
		when(service.reportsOf(7)).thenReturn(Map.of());

		listener.jobSettled(new JobSettled(7, "alice", "198.51.100.2", JobState.DONE, Duration.ofHours(1), List.of(),
				List.of(), List.of("203.0.113.7"), null));

		verify(service).trust(Map.of("local", List.of(BanTarget.parse("203.0.113.7"))), Duration.ofHours(1), "alice",
				"198.51.100.2", 7L);
	}

	@Test
	void reportsTheTrustAppliedOnlyOnceEveryHostHoldsItAndNamesTheHostThatDoesNot() {
		when(service.reportsOf(7)).thenReturn(new TreeMap<>(Map.of("local", new JobTrusts.Report(true, null),
				"mail", new JobTrusts.Report(false, "cannot reach mail"))));
		when(service.reportsOf(8)).thenReturn(Map.of("local", new JobTrusts.Report(true, null)));
		when(service.reportsOf(9)).thenReturn(Map.of());
		when(service.reportsOf(10)).thenReturn(new TreeMap<>(Map.of("local", JobTrusts.Report.PENDING, "mail",
				new JobTrusts.Report(false, "cannot reach mail"))));

		assertThat(listener.of(7)).isEqualTo(
				new JobTrusts.Outcome(false, false, List.of(new JobTrusts.HostProblem("mail", "cannot reach mail"))));
		assertThat(listener.of(8)).as("a job that ended before trusts were kept per host: its one record, local's")
			.isEqualTo(new JobTrusts.Outcome(true, false, List.of()));
		assertThat(listener.of(10)).as("local has not had its turn yet").isEqualTo(
				new JobTrusts.Outcome(false, true, List.of(new JobTrusts.HostProblem("mail", "cannot reach mail"))));
		assertThat(listener.of(9)).isEqualTo(JobTrusts.Outcome.PENDING);
	}

	private static JobSettled settled(JobState state, Duration trust, String... unblocked) {
		return new JobSettled(7, "alice", "198.51.100.2", state, trust, List.of(),
				List.of(new JobSettled.SettledItem(1, "local", ItemKind.IP, "203.0.113.7", ItemState.UNBANNED, List.of(),
						List.of(), List.of(), 0, null, null)),
				List.of(unblocked), Map.of("local", List.of(unblocked)));
	}

}
