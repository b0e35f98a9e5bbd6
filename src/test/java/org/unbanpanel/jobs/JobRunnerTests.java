package org.unbanpanel.jobs;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.unbanpanel.audit.AuditAction;
import org.unbanpanel.audit.AuditEvent;
import org.unbanpanel.audit.AuditTrail;
import org.unbanpanel.core.AccountName;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.fail2ban.Fail2ban;
import org.unbanpanel.fail2ban.Fail2banException;
import org.unbanpanel.fail2ban.UnbanOutcome;
import org.unbanpanel.pam.AccountLockException;
import org.unbanpanel.pam.AccountLocks;
import org.unbanpanel.pam.LockRecord;
import org.unbanpanel.testsupport.MutableClock;
import org.unbanpanel.testsupport.TestDatabase;
import org.unbanpanel.trust.TrustService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class JobRunnerTests {

	private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");

	private final MutableClock clock = new MutableClock(START);

	private final TestDatabase database = new TestDatabase();

	private final JobRepository repository = new JobRepository(database.jdbc());

	private final AuditTrail audit = new AuditTrail(database.jdbc(), clock);

	private final Fail2ban fail2ban = mock(Fail2ban.class);

	private final AccountLocks accountLocks = mock(AccountLocks.class);

	private final TrustService trusts = mock(TrustService.class);

	private final JobService service = new JobService(repository, audit, mock(JobWorker.class),
			database.transactions(), clock);

	private final Map<String, UnbanOutcome> fail2banAnswers = new HashMap<>();

	/** What fail2ban throws instead of answering, if anything. */
	private Fail2banException fail2banError;

	@BeforeEach
	void fail2banAnswersPerTarget() {
		when(fail2ban.unban(anyCollection())).thenAnswer((invocation) -> {
			if (fail2banError != null) {
				throw fail2banError;
			}
			Collection<BanTarget> targets = invocation.getArgument(0);
			return targets.stream()
				.map((target) -> fail2banAnswers.getOrDefault(target.value(),
						new UnbanOutcome(target, UnbanOutcome.Result.NOT_BANNED, List.of(), "")))
				.toList();
		});
		when(accountLocks.reset(any())).thenAnswer((invocation) -> lockRecord(invocation.getArgument(0), 0));
	}

	@Test
	void runsAllWaitingJobsAsOneBatchAndHandsEachJobItsResults() {
		banned("4.4.4.4", "sshd", "dovecot");
		refused("5.5.5.5", "fail2ban refused: jail sasl is stopping");
		locked("admin", 5);
		long first = submit("4.4.4.4", "5.5.5.5");
		long second = submit("7.7.7.7");
		long third = submit("4.4.4.4", "admin");

		runner().runDueJobs();

		verify(fail2ban, times(1)).unban(anyCollection());
		assertThat(unbanCalls()).containsExactly(List.of("4.4.4.4", "5.5.5.5", "7.7.7.7"));
		verify(accountLocks, times(1)).reset(AccountName.parse("admin"));
		assertThat(job(first).state()).isEqualTo(JobState.PARTLY_DONE);
		assertThat(job(first).items()).containsExactly(
				new ItemView(ItemKind.IP, "4.4.4.4", ItemState.UNBANNED, List.of("sshd", "dovecot"), 0, null),
				new ItemView(ItemKind.IP, "5.5.5.5", ItemState.FAILED, List.of(), 0,
						"fail2ban refused: jail sasl is stopping"));
		assertThat(job(second).state()).isEqualTo(JobState.DONE);
		assertThat(job(second).items()).containsExactly(
				new ItemView(ItemKind.IP, "7.7.7.7", ItemState.NOT_BANNED, List.of(), 0, null));
		assertThat(job(third).state()).isEqualTo(JobState.DONE);
		assertThat(job(third).items()).as("the first job released 4.4.4.4").containsExactly(
				new ItemView(ItemKind.IP, "4.4.4.4", ItemState.NOT_BANNED, List.of(), 0, null),
				new ItemView(ItemKind.ACCOUNT, "admin", ItemState.CLEARED, List.of(), 5, null));
	}

	@Test
	void creditsAReleaseAskedForByTwoJobsOfOneBatchToTheFirst() {
		banned("4.4.4.4", "sshd");
		locked("admin", 3);
		long first = submit("4.4.4.4", "admin");
		long second = submit("4.4.4.4", "admin");

		runner().runDueJobs();

		assertThat(job(first).items()).containsExactly(
				new ItemView(ItemKind.IP, "4.4.4.4", ItemState.UNBANNED, List.of("sshd"), 0, null),
				new ItemView(ItemKind.ACCOUNT, "admin", ItemState.CLEARED, List.of(), 3, null));
		assertThat(job(second).items()).containsExactly(
				new ItemView(ItemKind.IP, "4.4.4.4", ItemState.NOT_BANNED, List.of(), 0, null),
				new ItemView(ItemKind.ACCOUNT, "admin", ItemState.NOT_LOCKED, List.of(), 0, null));
		assertThat(List.of(job(first).state(), job(second).state())).containsOnly(JobState.DONE);
	}

	@Test
	void trustsTheAddressesBannedNowhereAfterTheUnbanForTheRequestedTime() {
		banned("4.4.4.4", "sshd");
		refused("5.5.5.5", "fail2ban refused: jail sasl is stopping");
		ReleaseRequest request = new ReleaseRequest(List.of(BanTarget.parse("4.4.4.4"), BanTarget.parse("5.5.5.5"),
				BanTarget.parse("7.7.7.7")), List.of(AccountName.parse("admin")), Duration.ofHours(12));
		long id = service.submit(request, "alice", "203.0.113.7");

		runner().runDueJobs();

		InOrder order = inOrder(fail2ban, trusts);
		order.verify(fail2ban).unban(anyCollection());
		order.verify(trusts).trust(List.of(BanTarget.parse("4.4.4.4"), BanTarget.parse("7.7.7.7")),
				Duration.ofHours(12), "alice", "203.0.113.7", id);
	}

	@Test
	void keepsForTheJobsPageThatFail2banDidNotTrustTheReleasedAddresses() {
		banned("4.4.4.4", "sshd");
		doThrow(new Fail2banException(Fail2banException.Reason.UNREACHABLE, Explanation.of("fail2ban.noSocket", "/run/fail2ban/fail2ban.sock"))).when(trusts)
			.trust(anyCollection(), any(), any(), any(), any());
		long id = service.submit(new ReleaseRequest(List.of(BanTarget.parse("4.4.4.4")), List.of(), Duration.ofHours(1)),
				"alice", "203.0.113.7");

		runner().runDueJobs();

		assertThat(job(id).state()).isEqualTo(JobState.DONE);
		assertThat(job(id).trustProblem()).isEqualTo("fail2ban is not running (no socket at /run/fail2ban/fail2ban.sock)");
	}

	@Test
	void keepsNoExceptionTextForTheJobsPageWhenTrustingFailsUnexpectedly() {
		banned("4.4.4.4", "sshd");
		doThrow(new IllegalStateException("Table TRUST not found; SQL statement: INSERT ...")).when(trusts)
			.trust(anyCollection(), any(), any(), any(), any());
		long id = service.submit(new ReleaseRequest(List.of(BanTarget.parse("4.4.4.4")), List.of(), Duration.ofHours(1)),
				"alice", "203.0.113.7");

		runner().runDueJobs();

		assertThat(job(id).trustProblem()).isEqualTo(JobRunner.UNEXPECTED);
	}

	@Test
	void trustsNothingForAJobWithoutTrust() {
		banned("4.4.4.4", "sshd");
		submit("4.4.4.4");

		runner().runDueJobs();

		verifyNoInteractions(trusts);
	}

	@Test
	void resetsAnAccountWithoutFailuresAsNotLockedAndReportsAToolError() {
		when(accountLocks.reset(AccountName.parse("ghost"))).thenThrow(new AccountLockException(
				AccountLockException.Reason.UNKNOWN_USER,
				Explanation.of("accounts.tool.unknownUser", "ghost", "faillock", "Unknown user")));
		long id = submit("alice", "ghost");

		runner().runDueJobs();

		JobView job = job(id);
		assertThat(job.state()).isEqualTo(JobState.PARTLY_DONE);
		assertThat(job.items()).containsExactly(
				new ItemView(ItemKind.ACCOUNT, "alice", ItemState.NOT_LOCKED, List.of(), 0, null),
				new ItemView(ItemKind.ACCOUNT, "ghost", ItemState.FAILED, List.of(), 0,
						"there is no user account named 'ghost' (faillock: Unknown user)"));
		verify(fail2ban, never()).unban(anyCollection());
	}

	@Test
	void failsAJobWhoseEveryValueFailedAndSaysWhy() {
		fail2banError = new Fail2banException(Fail2banException.Reason.NOT_RUNNABLE,
				Explanation.of("command.sudoRefused", "fail2ban-client", "a password is required"));
		long id = submit("4.4.4.4", "2001:db8::6");

		runner().runDueJobs();

		JobView job = job(id);
		assertThat(job.state()).isEqualTo(JobState.FAILED);
		assertThat(job.failureReason()).isEqualTo("sudo refused to run fail2ban-client: a password is required");
		assertThat(job.finishedAt()).isEqualTo(START);
		assertThat(job.items()).extracting(ItemView::state).containsOnly(ItemState.FAILED);
	}

	@Test
	void keepsAJobQueuedWithBackOffWhileFail2banCannotBeReached() {
		fail2banUnreachable();
		long id = submit("4.4.4.4");
		JobRunner runner = runner();
		List<Long> waits = new ArrayList<>();

		for (int attempt = 1; attempt <= 7; attempt++) {
			Instant next = runner.runDueJobs().orElseThrow();
			waits.add(Duration.between(clock.instant(), next).toSeconds());
			clock.set(next);
		}

		assertThat(waits).containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L);
		JobView job = job(id);
		assertThat(job.state()).isEqualTo(JobState.QUEUED);
		assertThat(job.attempts()).isEqualTo(7);
		assertThat(job.failureReason()).isEqualTo("fail2ban cannot be reached: fail2ban is not running (no socket at /run/fail2ban/fail2ban.sock)");
		assertThat(job.items()).extracting(ItemView::state).containsExactly(ItemState.PENDING);
	}

	@Test
	void runsAWaitingJobToTheEndWhenFail2banComesBack() {
		fail2banUnreachable();
		long id = submit("4.4.4.4");
		JobRunner runner = runner();
		clock.set(runner.runDueJobs().orElseThrow());
		fail2banAnswersAgain();
		banned("4.4.4.4", "sshd");

		Optional<Instant> next = runner.runDueJobs();

		assertThat(next).isEmpty();
		assertThat(job(id).state()).isEqualTo(JobState.DONE);
		assertThat(job(id).attempts()).isEqualTo(2);
		assertThat(job(id).failureReason()).isNull();
		assertThat(job(id).items()).extracting(ItemView::jails).containsExactly(List.of("sshd"));
	}

	@Test
	void doesNotRunAWaitingJobBeforeItsTime() {
		fail2banUnreachable();
		submit("4.4.4.4");
		JobRunner runner = runner();
		runner.runDueJobs();
		clock.advance(Duration.ofMillis(999));

		runner.runDueJobs();

		verify(fail2ban, times(1)).unban(anyCollection());
	}

	@Test
	void failsAJobWhenFail2banStaysUnreachableForTheWholeRetryTime() {
		fail2banUnreachable();
		long id = submit("4.4.4.4");
		JobRunner runner = runner();
		Optional<Instant> next = runner.runDueJobs();
		while (next.isPresent()) {
			clock.set(next.get());
			next = runner.runDueJobs();
		}

		JobView job = job(id);
		assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofMinutes(10)));
		assertThat(job.state()).isEqualTo(JobState.FAILED);
		assertThat(job.finishedAt()).isEqualTo(START.plus(Duration.ofMinutes(10)));
		assertThat(job.failureReason()).isEqualTo(
				"fail2ban could not be reached for 10 min after submission: fail2ban is not running (no socket at /run/fail2ban/fail2ban.sock)");
		assertThat(audit.recent(1)).extracting(AuditEvent::action, AuditEvent::target)
			.containsExactly(tuple(AuditAction.FAILED, "4.4.4.4"));
	}

	@Test
	void resetsAccountsOnceEvenWhileTheJobWaitsForFail2ban() {
		fail2banUnreachable();
		locked("admin", 3);
		long id = submit("4.4.4.4", "admin");
		JobRunner runner = runner();
		clock.set(runner.runDueJobs().orElseThrow());
		assertThat(job(id).items()).extracting(ItemView::state).containsExactly(ItemState.PENDING, ItemState.CLEARED);
		fail2banAnswersAgain();

		runner.runDueJobs();

		verify(accountLocks, times(1)).reset(AccountName.parse("admin"));
		assertThat(job(id).state()).isEqualTo(JobState.DONE);
		assertThat(job(id).items()).extracting(ItemView::state)
			.containsExactly(ItemState.NOT_BANNED, ItemState.CLEARED);
	}

	@Test
	void resumesAJobLeftRunningByAStoppedPanel() {
		long id = submit("4.4.4.4", "admin");
		repository.claim(List.of(id), START);
		assertThat(job(id).state()).isEqualTo(JobState.RUNNING);

		runner().runDueJobs();

		assertThat(job(id).state()).isEqualTo(JobState.DONE);
		assertThat(job(id).attempts()).isEqualTo(2);
		assertThat(unbanCalls()).containsExactly(List.of("4.4.4.4"));
	}

	@Test
	void finishesAJobLeftRunningAfterAllItsResultsWereStored() {
		long id = submit("4.4.4.4");
		repository.claim(List.of(id), START);
		repository.items(List.of(id))
			.forEach((item) -> repository.store(item.with(new ItemResult(ItemState.NOT_BANNED, null))));

		runner().runDueJobs();

		assertThat(job(id).state()).isEqualTo(JobState.DONE);
		verify(fail2ban, never()).unban(anyCollection());
	}

	@Test
	void splitsTheWaitingJobsIntoBatchesOfTheConfiguredSize() {
		submit("10.0.0.1", "10.0.0.2");
		submit("10.0.0.3");
		submit("10.0.0.4");
		JobRunner runner = runner(new JobsProperties(Duration.ofSeconds(1), Duration.ofSeconds(30),
				Duration.ofMinutes(10), 3));

		runner.runDueJobs();

		assertThat(unbanCalls()).containsExactly(List.of("10.0.0.1", "10.0.0.2", "10.0.0.3"), List.of("10.0.0.4"));
	}

	@Test
	void recordsTheSubmissionAndEveryOutcomeInTheAuditTrail() {
		banned("4.4.4.4", "sshd", "dovecot");
		locked("admin", 5);
		long id = service.submit(request("4.4.4.4", "admin"), "alice", "203.0.113.7");

		runner().runDueJobs();

		assertThat(audit.recent(10)).allSatisfy((event) -> {
			assertThat(event.username()).isEqualTo("alice");
			assertThat(event.clientAddress()).isEqualTo("203.0.113.7");
			assertThat(event.jobId()).isEqualTo(id);
		})
			.extracting(AuditEvent::action, AuditEvent::target, AuditEvent::detail)
			.containsExactlyInAnyOrder(tuple(AuditAction.SUBMITTED, "4.4.4.4", "IP"),
					tuple(AuditAction.SUBMITTED, "admin", "ACCOUNT"),
					tuple(AuditAction.UNBANNED, "4.4.4.4", "sshd, dovecot"),
					tuple(AuditAction.CLEARED, "admin", "5"));
	}

	private JobRunner runner() {
		return runner(new JobsProperties(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(10),
				10_000));
	}

	private JobRunner runner(JobsProperties properties) {
		return new JobRunner(repository, fail2ban, accountLocks, audit, trusts, database.transactions(), properties,
				clock);
	}

	private long submit(String... values) {
		return service.submit(request(values), "admin", "203.0.113.7");
	}

	/** Values with a dot or colon are addresses, the others account names. */
	private static ReleaseRequest request(String... values) {
		List<String> all = Arrays.asList(values);
		return new ReleaseRequest(
				all.stream().filter((value) -> value.matches(".*[.:].*")).map(BanTarget::parse).toList(),
				all.stream().filter((value) -> !value.matches(".*[.:].*")).map(AccountName::parse).toList());
	}

	private JobView job(long id) {
		return service.find(id).orElseThrow();
	}

	private List<List<String>> unbanCalls() {
		@SuppressWarnings("unchecked")
		ArgumentCaptor<Collection<BanTarget>> targets = ArgumentCaptor.forClass(Collection.class);
		verify(fail2ban, atLeast(0)).unban(targets.capture());
		return targets.getAllValues().stream().map((call) -> call.stream().map(BanTarget::value).toList()).toList();
	}

	private void banned(String address, String... jails) {
		fail2banAnswers.put(address,
				new UnbanOutcome(BanTarget.parse(address), UnbanOutcome.Result.UNBANNED, List.of(jails), ""));
	}

	private void refused(String address, String message) {
		fail2banAnswers.put(address,
				new UnbanOutcome(BanTarget.parse(address), UnbanOutcome.Result.FAILED, List.of(), message));
	}

	private void locked(String user, int failures) {
		when(accountLocks.reset(AccountName.parse(user))).thenReturn(lockRecord(AccountName.parse(user), failures));
	}

	private static LockRecord lockRecord(AccountName user, int failures) {
		return new LockRecord(user.value(), failures,
				(failures > 0) ? LocalDateTime.parse("2026-11-25T09:58:00") : null, (failures > 0) ? "sshd" : "");
	}

	private void fail2banUnreachable() {
		fail2banError = new Fail2banException(Fail2banException.Reason.UNREACHABLE,
				Explanation.of("fail2ban.noSocket", "/run/fail2ban/fail2ban.sock"));
	}

	private void fail2banAnswersAgain() {
		fail2banError = null;
	}

}
