package org.unbanpanel.jobs;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.support.TransactionTemplate;
import org.unbanpanel.core.AccountName;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.exec.CommandException;
import org.unbanpanel.exec.CommandResult;
import org.unbanpanel.exec.CommandRunner;
import org.unbanpanel.fail2ban.Fail2banAdapters;
import org.unbanpanel.pam.AccountLockException;
import org.unbanpanel.pam.AccountLocks;
import org.unbanpanel.pam.LockRecord;
import org.unbanpanel.testsupport.FakeFail2banClient;
import org.unbanpanel.testsupport.MutableClock;
import org.unbanpanel.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The worker's batches over the real adapter and a stand-in fail2ban ({@link FakeFail2banClient}) that holds bans,
 * answers {@code banned} and carries out unbans; the database is a real H2 with the migrations. The real server is in
 * {@code JobsRealFail2banTests} and {@code ReleaseOverlapsIntegrationTests}.
 */
class JobRunnerTests {

	private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");

	private final MutableClock clock = new MutableClock(START);

	private final TestDatabase database = new TestDatabase();

	private final JobRepository repository = new JobRepository(database.jdbc());

	private final JobLeases leases = new JobLeases(repository, JobLeaseProperties.DEFAULTS, database.transactions(), clock);

	private final FakeFail2banClient fail2ban = new FakeFail2banClient();

	private final AccountLocks accountLocks = mock(AccountLocks.class);

	private final List<Object> events = new ArrayList<>();

	private static final JobsProperties DEFAULTS = new JobsProperties(Duration.ofSeconds(1), Duration.ofSeconds(30),
			Duration.ofMinutes(10), 10_000, 32);

	private final MapFleet fleet = MapFleet.local(Fail2banAdapters.over(fail2ban, List.of("fail2ban-client")),
			accountLocks);

	private final JobService service = new JobService(repository, events::add, mock(JobWorker.class),
			jobId -> JobTrusts.Outcome.PENDING, database.transactions(), clock, runner(), DEFAULTS, fleet);

	@BeforeEach
	void accountsHaveNoFailures() {
		when(accountLocks.reset(any())).thenAnswer((invocation) -> lockRecord(invocation.getArgument(0), 0));
	}

	@Test
	void runsAllWaitingJobsAsOneBatchAndHandsEachJobItsResults() {
		fail2ban.ban("sshd", "4.4.4.4", "5.5.5.5").ban("dovecot", "4.4.4.4");
		fail2ban.refuse("5.5.5.5", "Sorry but jail sasl is stopping");
		locked("admin", 5);
		long first = submit("4.4.4.4", "5.5.5.5");
		long second = submit("7.7.7.7");
		long third = submit("4.4.4.4", "admin");

		runner().runDueJobs();

		assertThat(fail2ban.calls()).as("one read, the unban, one read").containsExactly(List.of("banned"),
				List.of("unban", "4.4.4.4", "5.5.5.5"), List.of("banned"));
		verify(accountLocks, times(1)).reset(AccountName.parse("admin"));
		assertThat(job(first).state()).isEqualTo(JobState.PARTLY_DONE);
		assertThat(job(first).items()).containsExactly(
				new ItemView("local", ItemKind.IP, "4.4.4.4", ItemState.UNBANNED, List.of("sshd", "dovecot"), 0, null),
				new ItemView("local", ItemKind.IP, "5.5.5.5", ItemState.FAILED, List.of(), List.of(), List.of(),
						List.of(new JailEntry("sshd", "5.5.5.5")), 0,
						new Failure("fail2ban.REFUSED", Explanation.of("fail2ban.refused", "Sorry but jail sasl is stopping"))));
		assertThat(job(second).state()).isEqualTo(JobState.DONE);
		assertThat(job(second).items()).containsExactly(
				new ItemView("local", ItemKind.IP, "7.7.7.7", ItemState.NOT_BANNED, List.of(), 0, null));
		assertThat(job(third).state()).isEqualTo(JobState.DONE);
		assertThat(job(third).items()).as("the first job released 4.4.4.4").containsExactly(
				new ItemView("local", ItemKind.IP, "4.4.4.4", ItemState.NOT_BANNED, List.of(), 0, null),
				new ItemView("local", ItemKind.ACCOUNT, "admin", ItemState.CLEARED, List.of(), 5, null));
	}

	@Test
	void creditsAReleaseAskedForByTwoJobsOfOneBatchToTheFirst() {
		fail2ban.ban("sshd", "4.4.4.4");
		locked("admin", 3);
		long first = submit("4.4.4.4", "admin");
		long second = submit("4.4.4.4", "admin");

		runner().runDueJobs();

		assertThat(job(first).items()).containsExactly(
				new ItemView("local", ItemKind.IP, "4.4.4.4", ItemState.UNBANNED, List.of("sshd"), 0, null),
				new ItemView("local", ItemKind.ACCOUNT, "admin", ItemState.CLEARED, List.of(), 3, null));
		assertThat(job(second).items()).containsExactly(
				new ItemView("local", ItemKind.IP, "4.4.4.4", ItemState.NOT_BANNED, List.of(), 0, null),
				new ItemView("local", ItemKind.ACCOUNT, "admin", ItemState.NOT_LOCKED, List.of(), 0, null));
		assertThat(List.of(job(first).state(), job(second).state())).containsOnly(JobState.DONE);
	}

	/** Issue 9: the network's release of the address inside it was not named, the audit could not find it. */
	@Test
	void namesEveryBanANetworkReleasedWithItsJail() {
		fail2ban.ban("sshd", "198.51.100.0/24", "198.51.100.7").ban("apache", "198.51.100.20").ban("sasl", "198.51.101.1");
		long id = submit("198.51.100.0/24");

		runner().runDueJobs();

		assertThat(job(id).items()).containsExactly(new ItemView("local", ItemKind.IP, "198.51.100.0/24", ItemState.UNBANNED,
				List.of("sshd"), List.of(new JailEntry("sshd", "198.51.100.7"), new JailEntry("apache", "198.51.100.20")),
				List.of(), List.of(), 0, null));
		assertThat(fail2ban.bannedIn("sasl")).containsExactly("198.51.101.1");
		assertThat(settled(id).items()).singleElement().satisfies(item -> assertThat(item.released()).containsExactly(
				new JailEntry("sshd", "198.51.100.0/24"), new JailEntry("sshd", "198.51.100.7"),
				new JailEntry("apache", "198.51.100.20")));
	}

	/**
	 * Issue 9: released from three jails, yet the line said "failed: still blocked by the banned network". Now it is
	 * partly released, says from where, and names the network that still blocks it.
	 */
	@Test
	void callsAnAddressReleasedFromSomeJailsButStillInsideABannedNetworkPartlyReleased() {
		fail2ban.ban("sshd", "198.51.100.0/24", "198.51.100.7").ban("dovecot", "198.51.100.7").ban("sasl", "198.51.100.7");
		long id = submit("198.51.100.7");

		runner().runDueJobs();

		JobView job = job(id);
		assertThat(job.state()).isEqualTo(JobState.PARTLY_DONE);
		assertThat(job.items()).containsExactly(new ItemView("local", ItemKind.IP, "198.51.100.7", ItemState.PARTLY_UNBANNED,
				List.of("sshd", "dovecot", "sasl"), List.of(), List.of(new JailEntry("sshd", "198.51.100.0/24")),
				List.of(), 0, null));
		assertThat(fail2ban.bannedIn("sshd")).containsExactly("198.51.100.0/24");
	}

	@Test
	void failsAnAddressThatOnlyABannedNetworkBlocksAndNamesIt() {
		fail2ban.ban("apache", "198.51.100.0/24");
		long id = submit("198.51.100.7");

		runner().runDueJobs();

		assertThat(job(id).items()).containsExactly(new ItemView("local", ItemKind.IP, "198.51.100.7", ItemState.FAILED,
				List.of(), List.of(), List.of(new JailEntry("apache", "198.51.100.0/24")), List.of(), 0,
				new Failure("fail2ban.blockedByNetwork", null)));
		assertThat(fail2ban.unbanCalls()).isEmpty();
	}

	/** One release per ban: the address's own job line gets its ban, the network's line the rest. */
	@Test
	void creditsABanOfTwoValuesToTheValueItIsTheOwnBanOf() {
		fail2ban.ban("apache", "198.51.100.20", "198.51.100.21");
		long id = submit("198.51.100.0/24", "198.51.100.20");

		runner().runDueJobs();

		assertThat(job(id).items()).containsExactly(
				new ItemView("local", ItemKind.IP, "198.51.100.0/24", ItemState.UNBANNED, List.of(),
						List.of(new JailEntry("apache", "198.51.100.21")), List.of(), List.of(), 0, null),
				new ItemView("local", ItemKind.IP, "198.51.100.20", ItemState.UNBANNED, List.of("apache"), 0, null));
	}

	@Test
	void releasesFromTheChosenJailsOnly() {
		fail2ban.ban("sshd", "203.0.113.7", "198.51.100.0/24").ban("dovecot", "203.0.113.7", "198.51.100.0/24");
		long id = service.submit(new ReleaseRequest(targets("203.0.113.7", "198.51.100.0/25"), List.of(), Duration.ZERO,
				List.of("dovecot")), "admin", "203.0.113.1");

		runner().runDueJobs();

		assertThat(fail2ban.unbanCalls()).containsExactly(List.of("set", "dovecot", "unbanip", "203.0.113.7"));
		assertThat(fail2ban.bannedIn("sshd")).containsExactly("203.0.113.7", "198.51.100.0/24");
		assertThat(job(id).jails()).containsExactly("dovecot");
		assertThat(job(id).items()).containsExactly(
				new ItemView("local", ItemKind.IP, "203.0.113.7", ItemState.UNBANNED, List.of("dovecot"), 0, null),
				new ItemView("local", ItemKind.IP, "198.51.100.0/25", ItemState.FAILED, List.of(), List.of(),
						List.of(new JailEntry("dovecot", "198.51.100.0/24")), List.of(), 0,
						new Failure("fail2ban.blockedByNetwork", null)));
	}

	/**
	 * Issue 15 item 6: fail2ban went on releasing after its client was killed at the timeout, and the retry, having
	 * forgotten what the first lookup saw, reported NOT_BANNED. What was seen is stored before the unban, and the
	 * attempt after the timeout reads afresh and never sends the unban again.
	 */
	@Test
	void reportsTheReleasesOfAnUnbanWhoseClientWasKilledAtTheTimeout() {
		fail2ban.ban("sshd", "10.0.0.1", "10.0.0.2").ban("dovecot", "10.0.0.1");
		fail2ban.killClientsAfterTheirUnban(1, 1);
		long id = submit("10.0.0.0/24", "10.0.0.2");
		JobRunner runner = runner();

		clock.set(runner.runDueJobs().orElseThrow());
		assertThat(job(id).state()).as("waits after the killed client").isEqualTo(JobState.QUEUED);
		assertThat(job(id).items()).extracting(ItemView::state).containsOnly(ItemState.PENDING);
		runner.runDueJobs();

		assertThat(fail2ban.unbanCalls()).as("sent once, never again").hasSize(1);
		assertThat(job(id).state()).isEqualTo(JobState.DONE);
		assertThat(job(id).items()).containsExactly(
				new ItemView("local", ItemKind.IP, "10.0.0.0/24", ItemState.UNBANNED, List.of(),
						List.of(new JailEntry("sshd", "10.0.0.1"), new JailEntry("dovecot", "10.0.0.1")), List.of(),
						List.of(), 0, null),
				new ItemView("local", ItemKind.IP, "10.0.0.2", ItemState.UNBANNED, List.of("sshd"), 0, null));
	}

	@Test
	void settlesRightAfterAKilledClientWhenTheFreshReadShowsTheReleases() {
		fail2ban.ban("sshd", "10.0.0.1");
		fail2ban.killClientsAfterTheirUnban(1, 0);
		long id = submit("10.0.0.1");

		runner().runDueJobs();

		assertThat(job(id).items()).containsExactly(
				new ItemView("local", ItemKind.IP, "10.0.0.1", ItemState.UNBANNED, List.of("sshd"), 0, null));
		assertThat(fail2ban.calls()).containsExactly(List.of("banned"), List.of("unban", "10.0.0.1"), List.of("banned"));
	}

	@Test
	void publishesWhatCameOfEachValueAndOnceTheJobEndsTheAddressesItUnblocked() {
		fail2ban.ban("sshd", "4.4.4.4").ban("apache", "5.5.5.0/24");
		ReleaseRequest request = new ReleaseRequest(targets("4.4.4.4", "5.5.5.5", "7.7.7.7"),
				List.of(AccountName.parse("admin")), Duration.ofHours(12));
		long id = service.submit(request, "alice", "203.0.113.7");

		runner().runDueJobs();

		assertThat(events.get(0)).isInstanceOfSatisfying(JobSubmitted.class,
				submitted -> assertThat(submitted.values()).extracting(JobSubmitted.Value::value)
					.containsExactly("4.4.4.4", "5.5.5.5", "7.7.7.7", "admin"));
		JobSettled settled = settled(id);
		assertThat(settled.state()).isEqualTo(JobState.PARTLY_DONE);
		assertThat(settled.trustFor()).isEqualTo(Duration.ofHours(12));
		assertThat(settled.submittedBy()).isEqualTo("alice");
		assertThat(settled.items()).extracting(JobSettled.SettledItem::value, JobSettled.SettledItem::state)
			.containsExactly(tuple("4.4.4.4", ItemState.UNBANNED), tuple("5.5.5.5", ItemState.FAILED),
					tuple("7.7.7.7", ItemState.NOT_BANNED), tuple("admin", ItemState.NOT_LOCKED));
		assertThat(settled.items().get(1).covering()).containsExactly(new JailEntry("apache", "5.5.5.0/24"));
		assertThat(settled.unblockedAddresses()).containsExactly("4.4.4.4", "7.7.7.7");
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
				new ItemView("local", ItemKind.ACCOUNT, "alice", ItemState.NOT_LOCKED, List.of(), 0, null),
				new ItemView("local", ItemKind.ACCOUNT, "ghost", ItemState.FAILED, List.of(), 0,
						new Failure("account.UNKNOWN_USER",
								Explanation.of("accounts.tool.unknownUser", "ghost", "faillock", "Unknown user"))));
		assertThat(fail2ban.calls()).isEmpty();
	}

	@Test
	void failsAJobWhoseEveryValueFailedAndSaysWhy() {
		fail2ban.failEveryCall(new CommandException(CommandException.Reason.SUDO_REFUSED,
				Explanation.of("command.sudoRefused", "fail2ban-client", "a password is required")));
		long id = submit("4.4.4.4", "2001:db8::6");

		runner().runDueJobs();

		JobView job = job(id);
		assertThat(job.state()).isEqualTo(JobState.FAILED);
		assertThat(job.failure().code()).isEqualTo("fail2ban.NOT_RUNNABLE");
		assertThat(job.failure().message().english())
			.isEqualTo("sudo refused to run fail2ban-client: a password is required");
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
		assertThat(job.failure().code()).isEqualTo("waiting");
		assertThat(job.failure().message().english()).isEqualTo("fail2ban is not answering (the server may be "
				+ "hung): fail2ban-client did not answer within 10000 ms and was stopped");
		assertThat(job.items()).extracting(ItemView::state).containsExactly(ItemState.PENDING);
		assertThat(events).as("nothing settled, nothing to tell").noneMatch(JobSettled.class::isInstance);
	}

	@Test
	void runsAWaitingJobToTheEndWhenFail2banComesBack() {
		fail2banUnreachable();
		long id = submit("4.4.4.4");
		JobRunner runner = runner();
		clock.set(runner.runDueJobs().orElseThrow());
		fail2banAnswersAgain();
		fail2ban.ban("sshd", "4.4.4.4");

		Optional<Instant> next = runner.runDueJobs();

		assertThat(next).isEmpty();
		assertThat(job(id).state()).isEqualTo(JobState.DONE);
		assertThat(job(id).attempts()).isEqualTo(2);
		assertThat(job(id).failure()).isNull();
		assertThat(job(id).items()).extracting(ItemView::jails).containsExactly(List.of("sshd"));
	}

	@Test
	void keepsEachAttemptsTimeAndTheTimeAWaitingJobGivesUp() {
		fail2banUnreachable();
		long id = submit("4.4.4.4");
		JobRunner runner = runner();
		Instant second = runner.runDueJobs().orElseThrow();
		clock.set(second);
		Instant third = runner.runDueJobs().orElseThrow();

		JobView job = job(id);
		assertThat(job.attemptTimes()).containsExactly(START, second);
		assertThat(job.nextAttemptAt()).isEqualTo(third);
		assertThat(job.givesUpAt()).isEqualTo(START.plus(Duration.ofMinutes(10)));
		assertThat(job.waiting()).isTrue();
	}

	@Test
	void runsEveryWaitingJobAtOnceWhenFail2banAnswersAgain() {
		fail2banUnreachable();
		long first = submit("4.4.4.4");
		JobRunner runner = runner();
		for (int attempt = 1; attempt <= 4; attempt++) {
			clock.set(runner.runDueJobs().orElseThrow());
		}
		long second = submit("5.5.5.5");
		runner.runDueJobs();
		clock.advance(Duration.ofMillis(300));
		fail2banAnswersAgain();

		repository.dueNowForFail2ban(clock.instant());
		Optional<Instant> next = runner.runDueJobs();

		assertThat(next).isEmpty();
		assertThat(job(first).state()).isEqualTo(JobState.DONE);
		assertThat(job(second).state()).isEqualTo(JobState.DONE);
		assertThat(job(first).finishedAt()).isEqualTo(clock.instant());
	}

	@Test
	void retriesAWaitingJobNowWhenAnAdminAsks() {
		fail2banUnreachable();
		long id = submit("4.4.4.4");
		JobRunner runner = runner();
		runner.runDueJobs();
		fail2banAnswersAgain();

		assertThat(service.retryNow(id, "bob", "198.51.100.9")).isTrue();
		runner.runDueJobs();

		assertThat(job(id).state()).isEqualTo(JobState.DONE);
		assertThat(job(id).attemptTimes()).containsExactly(START, START);
		assertThat(events).contains(new JobActedOn(id, JobActedOn.Action.RETRY_NOW, "bob", "198.51.100.9", null));
		assertThat(service.retryNow(id, "bob", "198.51.100.9")).as("an ended job").isFalse();
		assertThat(service.retryNow(999, "bob", "198.51.100.9")).as("no such job").isFalse();
	}

	@Test
	void cancelsAWaitingJobKeepingWhatItDidAlready() {
		fail2banUnreachable();
		locked("admin", 3);
		long id = submit("4.4.4.4", "admin");
		JobRunner runner = runner();
		runner.runDueJobs();

		assertThat(service.cancel(id, "bob", "198.51.100.9")).isTrue();

		JobView job = job(id);
		assertThat(job.state()).isEqualTo(JobState.PARTLY_DONE);
		assertThat(job.items()).extracting(ItemView::value, ItemView::state)
			.containsExactly(tuple("4.4.4.4", ItemState.FAILED), tuple("admin", ItemState.CLEARED));
		assertThat(job.items().get(0).error().code()).isEqualTo("cancelled");
		assertThat(job.items().get(0).error().message().english()).isEqualTo("cancelled by bob");
		assertThat(settled(id).state()).isEqualTo(JobState.PARTLY_DONE);
		assertThat(settled(id).items()).extracting(JobSettled.SettledItem::value).containsExactly("4.4.4.4");
		assertThat(events).contains(new JobActedOn(id, JobActedOn.Action.CANCEL, "bob", "198.51.100.9", null));
		fail2banAnswersAgain();
		assertThat(runner.runDueJobs()).isEmpty();
		assertThat(fail2ban.calls()).as("the cancelled job runs no more").hasSize(1);
		assertThat(service.cancel(id, "bob", "198.51.100.9")).as("an ended job").isFalse();
	}

	@Test
	void runsTheFailedValuesOfAJobAgainAsANewJobWithItsJailsAndTrust() {
		fail2banUnreachable();
		locked("admin", 3);
		long id = service.submit(new ReleaseRequest(targets("4.4.4.4", "5.5.5.5"), List.of(AccountName.parse("admin")),
				Duration.ofHours(1), List.of("sshd")), "admin", "203.0.113.7");
		JobRunner runner = runner();
		runner.runDueJobs();
		service.cancel(id, "bob", "198.51.100.9");
		fail2banAnswersAgain();
		fail2ban.ban("sshd", "4.4.4.4");

		long again = service.runAgain(id, "carol", "198.51.100.10").orElseThrow();
		runner.runDueJobs();

		JobView job = job(again);
		assertThat(job.submittedBy()).isEqualTo("carol");
		assertThat(job.items()).extracting(ItemView::value).containsExactly("4.4.4.4", "5.5.5.5");
		assertThat(job.jails()).containsExactly("sshd");
		assertThat(job.trustFor()).isEqualTo(Duration.ofHours(1));
		assertThat(job.state()).isEqualTo(JobState.DONE);
		assertThat(events).contains(new JobActedOn(id, JobActedOn.Action.RUN_AGAIN, "carol", "198.51.100.10", again));
		assertThat(service.runAgain(again, "carol", "198.51.100.10")).as("nothing failed").isEmpty();
	}

	@Test
	void doesNotRunAWaitingJobBeforeItsTime() {
		fail2banUnreachable();
		submit("4.4.4.4");
		JobRunner runner = runner();
		runner.runDueJobs();
		clock.advance(Duration.ofMillis(999));

		runner.runDueJobs();

		assertThat(fail2ban.calls()).hasSize(1);
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
		assertThat(job.failure().code()).isEqualTo("fail2ban.UNREACHABLE");
		assertThat(job.failure().message().english()).startsWith("fail2ban is not answering");
		assertThat(settled(id).items()).extracting(JobSettled.SettledItem::value, JobSettled.SettledItem::state)
			.containsExactly(tuple("4.4.4.4", ItemState.FAILED));
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
		fail2ban.ban("sshd", "4.4.4.4");
		long id = submit("4.4.4.4", "admin");
		leftRunningByThisPanel(id);
		assertThat(job(id).state()).isEqualTo(JobState.RUNNING);

		runner().runDueJobs();

		assertThat(job(id).state()).isEqualTo(JobState.DONE);
		assertThat(job(id).attempts()).isEqualTo(2);
		assertThat(fail2ban.unbanCalls()).containsExactly(List.of("unban", "4.4.4.4"));
	}

	/** What an attempt saw is stored before it unbans: a panel stopped after the unban still reports the release. */
	@Test
	void reportsTheReleaseOfAnAttemptThatAStoppedPanelLeftBetweenUnbanAndResult() {
		fail2ban.ban("sshd", "4.4.4.4");
		long id = submit("4.4.4.4");
		fail2ban.killClientsAfterTheirUnban(1, 1);
		JobRunner runner = runner();
		clock.set(runner.runDueJobs().orElseThrow());
		leftRunningByThisPanel(id);

		runner().runDueJobs();

		assertThat(job(id).items()).containsExactly(
				new ItemView("local", ItemKind.IP, "4.4.4.4", ItemState.UNBANNED, List.of("sshd"), 0, null));
	}

	/**
	 * Issue 14: a panel that stalls longer than its lease (here in its unban) finds the job taken over and finished by
	 * another panel of the same database, and stores nothing of its own attempt: the release is reported once.
	 */
	@Test
	void aJobTakenOverFromAStalledPanelReportsItsReleaseOnce() {
		fail2ban.ban("sshd", "4.4.4.4");
		long id = submit("4.4.4.4");
		JobRunner otherPanel = new JobRunner(repository, fleet, events::add, database.transactions(), DEFAULTS,
				otherPanel(), clock);
		AtomicBoolean stalled = new AtomicBoolean();
		CommandRunner stallingInItsUnban = (command, extraTime) -> {
			if (command.contains("unban") && stalled.compareAndSet(false, true)) {
				clock.advance(JobLeaseProperties.DEFAULTS.duration());
				otherPanel.runDueJobs();
			}
			return fail2ban.run(command, extraTime);
		};

		runner(stallingInItsUnban).runDueJobs();

		assertThat(job(id).state()).isEqualTo(JobState.DONE);
		assertThat(job(id).attempts()).isEqualTo(2);
		assertThat(job(id).items()).containsExactly(
				new ItemView("local", ItemKind.IP, "4.4.4.4", ItemState.UNBANNED, List.of("sshd"), 0, null));
		assertThat(events).filteredOn(event -> event instanceof JobSettled settled && settled.jobId() == id)
			.as("told once, by the panel that took it over")
			.hasSize(1);
	}

	/**
	 * A panel that stalls past its lease between its read and its unban, while another panel takes the job over,
	 * finds out right before the unban: it sends none and stores nothing, the values are the other panel's.
	 */
	@Test
	void sendsNoUnbanForAJobTakenOverBetweenItsReadAndItsUnban() {
		fail2ban.ban("sshd", "4.4.4.4");
		long id = submit("4.4.4.4");
		AtomicBoolean stalled = new AtomicBoolean();
		CommandRunner stallingAfterItsRead = (command, extraTime) -> {
			CommandResult read = fail2ban.run(command, extraTime);
			if (command.contains("banned") && stalled.compareAndSet(false, true)) {
				clock.advance(JobLeaseProperties.DEFAULTS.duration());
				assertThat(takeUp(otherPanel())).as("taken over").containsExactly(id);
			}
			return read;
		};

		runner(stallingAfterItsRead).runDueJobs();

		assertThat(fail2ban.unbanCalls()).isEmpty();
		assertThat(fail2ban.bannedIn("sshd")).containsExactly("4.4.4.4");
		assertThat(repository.items(List.of(id))).singleElement().satisfies(item -> {
			assertThat(item.pending()).isTrue();
			assertThat(item.result().bans(ItemBan.Outcome.SEEN)).as("nothing stored").isEmpty();
		});
		assertThat(job(id).state()).isEqualTo(JobState.RUNNING);
		assertThat(events).noneMatch(event -> event instanceof JobSettled);
	}

	/**
	 * A lease that ran out while the panel read, but that no other panel took over, is still this attempt's: confirmed
	 * and pushed on right before the unban, so that no other panel takes the job over while it is sent.
	 */
	@Test
	void unbansAfterConfirmingAndPushingOnALeaseNoOtherPanelTookOver() {
		fail2ban.ban("sshd", "4.4.4.4");
		long id = submit("4.4.4.4");
		AtomicBoolean slow = new AtomicBoolean();
		List<List<Long>> takenUpDuringTheUnban = new ArrayList<>();
		CommandRunner slowFirstRead = (command, extraTime) -> {
			if (command.contains("unban")) {
				takenUpDuringTheUnban.add(takeUp(otherPanel()));
			}
			CommandResult result = fail2ban.run(command, extraTime);
			if (command.contains("banned") && slow.compareAndSet(false, true)) {
				clock.advance(JobLeaseProperties.DEFAULTS.duration());
			}
			return result;
		};

		runner(slowFirstRead).runDueJobs();

		assertThat(fail2ban.unbanCalls()).containsExactly(List.of("unban", "4.4.4.4"));
		assertThat(takenUpDuringTheUnban).containsExactly(List.of());
		assertThat(job(id).state()).isEqualTo(JobState.DONE);
		assertThat(job(id).attempts()).isEqualTo(1);
		assertThat(job(id).items()).containsExactly(
				new ItemView("local", ItemKind.IP, "4.4.4.4", ItemState.UNBANNED, List.of("sshd"), 0, null));
	}

	/** The lease is confirmed again before a host's account resets: a job taken over during the unbans resets none. */
	@Test
	void resetsNoAccountOfAJobTakenOverDuringItsUnbans() {
		fail2ban.ban("sshd", "4.4.4.4");
		locked("admin", 5);
		long id = submit("4.4.4.4", "admin");
		CommandRunner stallingInItsUnban = (command, extraTime) -> {
			if (command.contains("unban")) {
				clock.advance(JobLeaseProperties.DEFAULTS.duration());
				takeUp(otherPanel());
			}
			return fail2ban.run(command, extraTime);
		};

		runner(stallingInItsUnban).runDueJobs();

		verify(accountLocks, never()).reset(any());
		assertThat(job(id).state()).isEqualTo(JobState.RUNNING);
		assertThat(repository.items(List.of(id))).allMatch(Item::pending);
		assertThat(events).noneMatch(event -> event instanceof JobSettled);
	}

	@Test
	void finishesAJobLeftRunningAfterAllItsResultsWereStored() {
		long id = submit("4.4.4.4");
		leftRunningByThisPanel(id);
		repository.items(List.of(id)).forEach((item) -> repository.store(item.with(ItemResult.released(List.of(), null))));

		runner().runDueJobs();

		assertThat(job(id).state()).isEqualTo(JobState.DONE);
		assertThat(fail2ban.calls()).isEmpty();
	}

	@Test
	void splitsTheWaitingJobsIntoBatchesOfTheConfiguredSize() {
		fail2ban.ban("sshd", "10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4");
		submit("10.0.0.1", "10.0.0.2");
		submit("10.0.0.3");
		submit("10.0.0.4");
		JobRunner runner = runner(new JobsProperties(Duration.ofSeconds(1), Duration.ofSeconds(30),
				Duration.ofMinutes(10), 3, 32));

		runner.runDueJobs();

		assertThat(fail2ban.unbanCalls()).containsExactly(List.of("unban", "10.0.0.1", "10.0.0.2", "10.0.0.3"),
				List.of("unban", "10.0.0.4"));
	}

	/** A job this panel took up before it stopped, its lease not run out yet. */
	private void leftRunningByThisPanel(long id) {
		repository.claim(List.of(id), clock.instant(), leases.owner(), leases.expiry());
	}

	private JobRunner runner() {
		return runner(DEFAULTS);
	}

	private JobRunner runner(JobsProperties properties) {
		return new JobRunner(repository, fleet, events::add, database.transactions(), properties, leases, clock);
	}

	/** This panel's runner over the local fail2ban as {@code fail2banClient} answers it. */
	private JobRunner runner(CommandRunner fail2banClient) {
		return new JobRunner(repository,
				MapFleet.local(Fail2banAdapters.over(fail2banClient, List.of("fail2ban-client")), accountLocks),
				events::add, database.transactions(), DEFAULTS, leases, clock);
	}

	private JobLeases otherPanel() {
		return new JobLeases(repository, new JobLeaseProperties("other-panel", Duration.ofSeconds(30),
				Duration.ofSeconds(10), Duration.ofSeconds(5)), database.transactions(), clock);
	}

	/** What the panel of {@code leases} takes up now, as its runner does, without running it. */
	private List<Long> takeUp(JobLeases leases) {
		return new TransactionTemplate(database.transactions()).execute(status -> {
			List<Long> ids = repository.lockDue(clock.instant(), leases.owner(), 100)
				.stream()
				.map(JobRepository.DueJob::id)
				.toList();
			return ids.isEmpty() ? List.<Long>of()
					: repository.claim(ids, clock.instant(), leases.owner(), leases.expiry()).stream().map(Job::id).toList();
		});
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

	private static List<BanTarget> targets(String... values) {
		return Arrays.stream(values).map(BanTarget::parse).toList();
	}

	private JobView job(long id) {
		return service.find(id).orElseThrow();
	}

	/** The last event that settled values of the job. */
	private JobSettled settled(long id) {
		return events.stream()
			.filter(event -> event instanceof JobSettled settled && settled.jobId() == id)
			.map(JobSettled.class::cast)
			.reduce((first, second) -> second)
			.orElseThrow();
	}

	private void locked(String user, int failures) {
		when(accountLocks.reset(AccountName.parse(user))).thenReturn(lockRecord(AccountName.parse(user), failures));
	}

	private static LockRecord lockRecord(AccountName user, int failures) {
		return new LockRecord(user.value(), failures,
				(failures > 0) ? LocalDateTime.parse("2026-11-25T09:58:00") : null, (failures > 0) ? "sshd" : "");
	}

	private void fail2banUnreachable() {
		fail2ban.failEveryCall(new CommandException(CommandException.Reason.TIMEOUT,
				Explanation.of("command.timeout", "fail2ban-client", 10_000)));
	}

	private void fail2banAnswersAgain() {
		fail2ban.failEveryCall(null);
	}

}
