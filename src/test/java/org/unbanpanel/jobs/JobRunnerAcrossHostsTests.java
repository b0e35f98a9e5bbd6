package org.unbanpanel.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.dao.QueryTimeoutException;
import org.unbanpanel.core.AccountName;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.core.InvalidValueException;
import org.unbanpanel.exec.CommandException;
import org.unbanpanel.exec.CommandRunner;
import org.unbanpanel.fail2ban.Fail2ban;
import org.unbanpanel.fail2ban.Fail2banAdapters;
import org.unbanpanel.hosts.HostName;
import org.unbanpanel.pam.AccountLockException;
import org.unbanpanel.pam.AccountLocks;
import org.unbanpanel.pam.LockRecord;
import org.unbanpanel.testsupport.FakeFail2banClient;
import org.unbanpanel.testsupport.Await;
import org.unbanpanel.testsupport.MutableClock;
import org.unbanpanel.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The worker's batches on a fleet of three hosts ({@code local}, {@code mail}, {@code backup}), each with a stand-in
 * fail2ban of its own ({@link FakeFail2banClient}) and account locks of its own; the database is a real H2 with the
 * migrations. Real hosts over SSH are in {@code FleetReleaseIntegrationTests}.
 */
class JobRunnerAcrossHostsTests {

	private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");

	private static final HostName MAIL = HostName.parse("mail");

	private static final HostName BACKUP = HostName.parse("backup");

	private static final Failure UNEXPECTED = new Failure("waiting.unfinished",
			Explanation.of("job.waiting.unexpected"));

	private static final JobsProperties PROPERTIES = new JobsProperties(Duration.ofSeconds(1), Duration.ofSeconds(30),
			Duration.ofMinutes(10), 10_000, 32);

	private final MutableClock clock = new MutableClock(START);

	private final TestDatabase database = new TestDatabase();

	private final JobRepository repository = new JobRepository(database.jdbc());

	private final JobLeases leases = new JobLeases(repository, JobLeaseProperties.DEFAULTS, database.transactions(), clock);

	private final FakeFail2banClient local = new FakeFail2banClient();

	private final FakeFail2banClient mail = new FakeFail2banClient();

	private final FakeFail2banClient backup = new FakeFail2banClient();

	private final AccountLocks localAccounts = mock(AccountLocks.class);

	private final AccountLocks mailAccounts = mock(AccountLocks.class);

	private final AccountLocks backupAccounts = mock(AccountLocks.class);

	private final List<Object> events = new ArrayList<>();

	private final MapFleet fleet = new MapFleet().with(HostName.LOCAL, over(local), localAccounts)
		.with(MAIL, over(mail), mailAccounts)
		.with(BACKUP, over(backup), backupAccounts);

	private final JobRunner runner = runner(fleet, PROPERTIES);

	private final JobService service = new JobService(repository, events::add, mock(JobWorker.class),
			jobId -> JobTrusts.Outcome.PENDING, database.transactions(), clock, runner, PROPERTIES, fleet);

	@BeforeEach
	void accountsHaveNoFailures() {
		for (AccountLocks accounts : List.of(localAccounts, mailAccounts, backupAccounts)) {
			when(accounts.reset(any())).thenAnswer((invocation) -> lockRecord(invocation.getArgument(0), 0));
		}
	}

	@Test
	void releasesEachValueOnEveryHostFromTheJailsThatHoldItThere() {
		local.ban("sshd", "4.4.4.4");
		mail.ban("dovecot", "4.4.4.4").ban("sasl", "4.4.4.4");
		when(mailAccounts.reset(AccountName.parse("admin"))).thenReturn(lockRecord(AccountName.parse("admin"), 4));
		long id = submit(List.of(), "4.4.4.4", "admin");

		runner.runDueJobs();

		JobView job = job(id);
		assertThat(job.state()).isEqualTo(JobState.DONE);
		assertThat(job.items()).extracting(ItemView::host, ItemView::value, ItemView::state, ItemView::jails,
				ItemView::failures)
			.containsExactly(tuple("local", "4.4.4.4", ItemState.UNBANNED, List.of("sshd"), 0),
					tuple("mail", "4.4.4.4", ItemState.UNBANNED, List.of("dovecot", "sasl"), 0),
					tuple("backup", "4.4.4.4", ItemState.NOT_BANNED, List.of(), 0),
					tuple("local", "admin", ItemState.NOT_LOCKED, List.of(), 0),
					tuple("mail", "admin", ItemState.CLEARED, List.of(), 4),
					tuple("backup", "admin", ItemState.NOT_LOCKED, List.of(), 0));
		assertThat(List.of(local.unbanCalls(), mail.unbanCalls(), backup.unbanCalls())).as("each host its own unban")
			.containsExactly(List.of(List.of("unban", "4.4.4.4")), List.of(List.of("unban", "4.4.4.4")), List.of());
		assertThat(settled(id).items()).extracting(JobSettled.SettledItem::host, JobSettled.SettledItem::released)
			.contains(tuple("mail", List.of(new JailEntry("dovecot", "4.4.4.4"), new JailEntry("sasl", "4.4.4.4"))));
		assertThat(settled(id).unblockedAddresses()).as("the local host's only").containsExactly("4.4.4.4");
	}

	@Test
	void releasesOnTheChosenHostsOnly() {
		local.ban("sshd", "4.4.4.4");
		backup.ban("sshd", "4.4.4.4");

		long id = submit(List.of(BACKUP), "4.4.4.4");
		runner.runDueJobs();

		assertThat(job(id).items()).extracting(ItemView::host, ItemView::state)
			.containsExactly(tuple("backup", ItemState.UNBANNED));
		assertThat(local.calls()).isEmpty();
		assertThat(local.bannedIn("sshd")).containsExactly("4.4.4.4");
	}

	@Test
	void refusesAHostTheFleetDoesNotHaveAndStoresNothing() {
		InvalidValueException refused = catchThrowableOfType(InvalidValueException.class,
				() -> submit(List.of(MAIL, HostName.parse("web")), "4.4.4.4"));

		assertThat(refused.code()).isEqualTo(ReleaseRequest.UNKNOWN_HOST);
		assertThat(refused.value()).isEqualTo("web");
		assertThat(service.recent(10)).isEmpty();
	}

	@Test
	void leavesOnlyTheValuesOfAHostThatCannotBeReachedWaitingAndFinishesWhenItAnswers() {
		local.ban("sshd", "4.4.4.4");
		mail.ban("dovecot", "4.4.4.4");
		backup.ban("apache", "4.4.4.4");
		unreachable(mail);
		long id = submit(List.of(), "4.4.4.4");

		Instant next = runner.runDueJobs().orElseThrow();

		JobView waiting = job(id);
		assertThat(waiting.state()).isEqualTo(JobState.QUEUED);
		assertThat(waiting.items()).extracting(ItemView::host, ItemView::state, ItemView::waiting)
			.containsExactly(tuple("local", ItemState.UNBANNED, false), tuple("mail", ItemState.PENDING, true),
					tuple("backup", ItemState.UNBANNED, false));
		assertThat(waiting.items().get(1).error().code()).isEqualTo("waiting");
		assertThat(waiting.items().get(1).error().message().english())
			.contains("fail2ban-client did not answer within 10000 ms");
		assertThat(waiting.failure().code()).isEqualTo("waiting");
		assertThat(waiting.failure().message().english()).startsWith("on mail: fail2ban is not answering")
			.endsWith("fail2ban-client did not answer within 10000 ms and was stopped");
		assertThat(settled(id).state()).isEqualTo(JobState.QUEUED);
		assertThat(settled(id).items()).extracting(JobSettled.SettledItem::host).containsExactly("local", "backup");

		mail.failEveryCall(null);
		clock.set(next);
		runner.runDueJobs();

		JobView done = job(id);
		assertThat(done.state()).isEqualTo(JobState.DONE);
		assertThat(done.failure()).isNull();
		assertThat(done.items()).extracting(ItemView::host, ItemView::state, ItemView::jails)
			.containsExactly(tuple("local", ItemState.UNBANNED, List.of("sshd")),
					tuple("mail", ItemState.UNBANNED, List.of("dovecot")),
					tuple("backup", ItemState.UNBANNED, List.of("apache")));
		assertThat(done.items().get(1).error()).isNull();
		assertThat(local.unbanCalls()).as("the local release is not sent again").hasSize(1);
		assertThat(events).filteredOn(JobSettled.class::isInstance)
			.map(JobSettled.class::cast)
			.flatMap(JobSettled::items)
			.extracting(JobSettled.SettledItem::host)
			.as("each host's release reported once")
			.containsExactly("local", "backup", "mail");
	}

	/**
	 * The local fail2ban answering again says nothing of another host: only the jobs that wait for the local fail2ban
	 * are watched for and made due then; one that waits for another host alone keeps its back-off (it was run again
	 * every second, as the watch found the local fail2ban answering each time).
	 */
	@Test
	void onlyTheJobsWaitingForTheLocalFail2banAreDueWhenItAnswersAgain() {
		unreachable(mail);
		long onMail = submit(List.of(MAIL), "4.4.4.4");
		runner.runDueJobs();
		assertThat(repository.nextAttemptForFail2ban()).as("nothing waits for the local fail2ban").isEmpty();
		unreachable(local);
		long onLocal = submit(List.of(HostName.LOCAL), "5.5.5.5");
		runner.runDueJobs();
		Instant localNext = job(onLocal).nextAttemptAt();
		Instant mailNext = job(onMail).nextAttemptAt();
		clock.advance(Duration.ofMillis(100));

		assertThat(repository.nextAttemptForFail2ban()).contains(localNext);
		repository.dueNowForFail2ban(clock.instant());

		assertThat(job(onLocal).nextAttemptAt()).isEqualTo(clock.instant());
		assertThat(job(onMail).nextAttemptAt()).as("its back-off").isEqualTo(mailNext).isAfter(clock.instant());
	}

	@Test
	void namesEveryHostThatCannotBeReachedWhileTheJobWaits() {
		unreachable(mail);
		unreachable(backup);

		long id = submit(List.of(), "4.4.4.4");
		runner.runDueJobs();

		assertThat(job(id).failure().message().english()).isEqualTo("on 2 hosts (mail, backup); each line says why");
	}

	@Test
	void failsTheValuesOfAHostThatStaysUnreachableOnceTheRetryTimeIsOver() {
		local.ban("sshd", "4.4.4.4");
		unreachable(mail);
		long id = submit(List.of(MAIL, HostName.LOCAL), "4.4.4.4");
		runner.runDueJobs();

		clock.set(START.plus(PROPERTIES.retryFor()));
		runner.runDueJobs();

		JobView job = job(id);
		assertThat(job.state()).isEqualTo(JobState.PARTLY_DONE);
		assertThat(job.items()).extracting(ItemView::host, ItemView::state)
			.containsExactly(tuple("local", ItemState.UNBANNED), tuple("mail", ItemState.FAILED));
		assertThat(job.items().get(1).error().code()).isEqualTo("fail2ban.UNREACHABLE");
	}

	@Test
	void anAccountWaitsWhileItsHostCannotBeReached() {
		Explanation down = Explanation.of("hosts.problem.unreachable", "mail", "connection refused");
		doThrow(new AccountLockException(AccountLockException.Reason.UNREACHABLE, down)).when(mailAccounts).reset(any());

		long id = submit(List.of(MAIL, BACKUP), "admin");
		runner.runDueJobs();

		assertThat(job(id).state()).isEqualTo(JobState.QUEUED);
		assertThat(job(id).items()).extracting(ItemView::host, ItemView::state, ItemView::error)
			.containsExactly(tuple("mail", ItemState.PENDING, new Failure("waiting.accounts", down)),
					tuple("backup", ItemState.NOT_LOCKED, null));
	}

	@Test
	void failsTheValuesOfAHostRemovedFromTheFleetWhileTheyWaited() {
		unreachable(mail);
		long id = submit(List.of(MAIL), "4.4.4.4");
		clock.set(runner.runDueJobs().orElseThrow());

		runner(new MapFleet().with(HostName.LOCAL, over(local), localAccounts), PROPERTIES).runDueJobs();

		assertThat(job(id).state()).isEqualTo(JobState.FAILED);
		assertThat(job(id).items().get(0).error()).isEqualTo(
				new Failure("host.unknown", Explanation.of("job.host.unknown", "mail")));
	}

	@Test
	void leavesTheValuesOfAHostWhosePartThrowsWaitingAndSettlesTheOthers() {
		local.ban("sshd", "4.4.4.4");
		mail.ban("dovecot", "4.4.4.4");
		long id = submit(List.of(), "4.4.4.4", "admin");

		runner(fleetWithMailOver(throwing(new QueryTimeoutException("Timeout trying to lock table"))), PROPERTIES)
			.runDueJobs();

		JobView job = job(id);
		assertThat(job.state()).isEqualTo(JobState.QUEUED);
		assertThat(job.items()).extracting(ItemView::host, ItemView::value, ItemView::state, ItemView::error)
			.containsExactly(tuple("local", "4.4.4.4", ItemState.UNBANNED, null),
					tuple("mail", "4.4.4.4", ItemState.PENDING, UNEXPECTED),
					tuple("backup", "4.4.4.4", ItemState.NOT_BANNED, null),
					tuple("local", "admin", ItemState.NOT_LOCKED, null), tuple("mail", "admin", ItemState.PENDING, UNEXPECTED),
					tuple("backup", "admin", ItemState.NOT_LOCKED, null));
		assertThat(job.failure()).isEqualTo(new Failure("waiting.unfinished",
				Explanation.of("job.waiting.host", "mail", Explanation.of("job.waiting.unexpected"))));
		assertThat(mail.bannedIn("dovecot")).containsExactly("4.4.4.4");
	}

	@Test
	void aJobOnOneHostWhosePartThrowsWaitsInsteadOfStayingRunning() {
		Fleet throwing = new Fleet() {
			@Override
			public List<HostName> names() {
				return fleet.names();
			}

			@Override
			public Optional<Tools> tools(HostName host) {
				throw new IllegalStateException("the fleet's settings could not be read");
			}
		};
		long id = submit(List.of(MAIL), "4.4.4.4");

		runner(throwing, PROPERTIES).runDueJobs();

		assertThat(job(id).state()).isEqualTo(JobState.QUEUED);
		assertThat(job(id).items()).extracting(ItemView::state, ItemView::error)
			.containsExactly(tuple(ItemState.PENDING, UNEXPECTED));
	}

	@Test
	void aStoppedWorkerCancelsTheHostPartsStillRunningAndLeavesTheirValuesWaiting() throws Exception {
		CountDownLatch mailAsked = new CountDownLatch(1);
		CountDownLatch mailStopped = new CountDownLatch(1);
		CommandRunner hanging = (command, extraTime) -> {
			mailAsked.countDown();
			try {
				Thread.sleep(60_000);
			}
			catch (InterruptedException ex) {
				mailStopped.countDown();
				Thread.currentThread().interrupt();
			}
			return mail.run(command, extraTime);
		};
		local.ban("sshd", "4.4.4.4");
		JobRunner stopped = runner(fleetWithMailOver(hanging), PROPERTIES);
		long id = submit(List.of(), "4.4.4.4");
		AtomicBoolean stillInterrupted = new AtomicBoolean();
		Thread worker = new Thread(() -> {
			stopped.runDueJobs();
			stillInterrupted.set(Thread.currentThread().isInterrupted());
		});

		worker.start();
		assertThat(mailAsked.await(5, TimeUnit.SECONDS)).isTrue();
		Await.until("local and backup to have had their answers", Duration.ofSeconds(5),
				() -> local.unbanCalls().size() == 1 && !backup.calls().isEmpty());
		worker.interrupt();
		worker.join(10_000);

		assertThat(worker.isAlive()).isFalse();
		assertThat(stillInterrupted).as("the interrupt is kept for the worker's thread").isTrue();
		assertThat(mailStopped.await(5, TimeUnit.SECONDS)).as("mail's part is cancelled").isTrue();
		Failure interrupted = new Failure("waiting.unfinished", Explanation.of("job.waiting.interrupted"));
		JobView job = job(id);
		assertThat(job.state()).isEqualTo(JobState.QUEUED);
		assertThat(job.items().get(1)).extracting(ItemView::state, ItemView::error)
			.containsExactly(ItemState.PENDING, interrupted);
		// local and backup had their answers, but their parts may not have ended yet when the worker was stopped
		assertThat(job.items()).extracting(ItemView::state).as("no value fails for the stop")
			.doesNotContain(ItemState.FAILED);
		assertThat(job.items()).filteredOn(ItemView::waiting).extracting(ItemView::error).containsOnly(interrupted);
		stopped.destroy();
	}

	@Test
	void failsTheValuesOfAHostWhosePartNeverFinishesOnceTheRetryTimeIsOver() {
		JobRunner failing = runner(fleetWithMailOver(throwing(new IllegalStateException("a bug"))), PROPERTIES);
		long id = submit(List.of(MAIL), "4.4.4.4");
		failing.runDueJobs();

		clock.set(START.plus(PROPERTIES.retryFor()));
		failing.runDueJobs();

		assertThat(job(id).state()).isEqualTo(JobState.FAILED);
		assertThat(job(id).items().get(0).error())
			.isEqualTo(new Failure("unfinished", Explanation.of("job.waiting.unexpected")));
	}

	@Test
	void refusesToRunAgainAFailedValueForAHostRemovedFromTheFleetAndStoresNothing() {
		unreachable(mail);
		long id = submit(List.of(MAIL, HostName.LOCAL), "4.4.4.4");
		runner.runDueJobs();
		clock.set(START.plus(PROPERTIES.retryFor()));
		runner.runDueJobs();
		assertThat(job(id).runnableAgain()).isTrue();
		fleet.without(MAIL);

		InvalidValueException refused = catchThrowableOfType(InvalidValueException.class,
				() -> service.runAgain(id, "carol", "198.51.100.10"));

		assertThat(refused.code()).isEqualTo(ReleaseRequest.UNKNOWN_HOST);
		assertThat(refused.value()).isEqualTo("mail");
		assertThat(service.recent(10)).extracting(JobSummary::id).containsExactly(id);
		assertThat(events).noneMatch(JobActedOn.class::isInstance);
	}

	@Test
	void worksOnTheHostsOfABatchAtOnce() {
		CyclicBarrier everyHostAsked = new CyclicBarrier(3);
		MapFleet meeting = new MapFleet().with(HostName.LOCAL, over(meeting(local, everyHostAsked)), localAccounts)
			.with(MAIL, over(meeting(mail, everyHostAsked)), mailAccounts)
			.with(BACKUP, over(meeting(backup, everyHostAsked)), backupAccounts);
		long id = submit(List.of(), "4.4.4.4");

		runner(meeting, PROPERTIES).runDueJobs();

		assertThat(everyHostAsked.isBroken()).as("the three hosts were asked at the same time").isFalse();
		assertThat(job(id).state()).isEqualTo(JobState.DONE);
	}

	/** Its first call waits until every host has had one, up to 5 s. */
	private static CommandRunner meeting(FakeFail2banClient fail2ban, CyclicBarrier barrier) {
		return (command, extraTime) -> {
			if (fail2ban.calls().isEmpty()) {
				try {
					barrier.await(5, TimeUnit.SECONDS);
				}
				catch (InterruptedException | BrokenBarrierException | TimeoutException ex) {
					barrier.reset();
				}
			}
			return fail2ban.run(command, extraTime);
		};
	}

	/** The fleet, with mail's fail2ban over the runner given. */
	private MapFleet fleetWithMailOver(CommandRunner mailFail2ban) {
		return new MapFleet().with(HostName.LOCAL, over(local), localAccounts)
			.with(MAIL, over(mailFail2ban), mailAccounts)
			.with(BACKUP, over(backup), backupAccounts);
	}

	private static CommandRunner throwing(RuntimeException failure) {
		return (command, extraTime) -> {
			throw failure;
		};
	}

	private JobRunner runner(Fleet hosts, JobsProperties properties) {
		return new JobRunner(repository, hosts, events::add, database.transactions(), properties, leases, clock);
	}

	private static Fail2ban over(CommandRunner fail2ban) {
		return Fail2banAdapters.over(fail2ban, List.of("fail2ban-client"));
	}

	private static void unreachable(FakeFail2banClient fail2ban) {
		fail2ban.failEveryCall(new CommandException(CommandException.Reason.TIMEOUT,
				Explanation.of("command.timeout", "fail2ban-client", 10_000)));
	}

	/** Values with a dot or colon are addresses, the others account names. */
	private long submit(List<HostName> hosts, String... values) {
		List<String> all = List.of(values);
		return service.submit(new ReleaseRequest(
				all.stream().filter((value) -> value.matches(".*[.:].*")).map(BanTarget::parse).toList(),
				all.stream().filter((value) -> !value.matches(".*[.:].*")).map(AccountName::parse).toList(),
				Duration.ZERO, List.of(), hosts), "admin", "203.0.113.7");
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

	private static LockRecord lockRecord(AccountName user, int failures) {
		return new LockRecord(user.value(), failures, null, (failures > 0) ? "sshd" : "");
	}

}
