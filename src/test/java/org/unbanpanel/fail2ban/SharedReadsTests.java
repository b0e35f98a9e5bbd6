package org.unbanpanel.fail2ban;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.core.InvalidValueException;
import org.unbanpanel.exec.CommandException;
import org.unbanpanel.testsupport.Await;
import org.unbanpanel.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/** The sharing, the short cache and the last known state, over an adapter that answers when a test lets it. */
@Timeout(30)
class SharedReadsTests {

	private static final BanList SSHD = new BanList(List.of(), List.of("first answer"));

	private static final BanList SSHD_LATER = new BanList(List.of(), List.of("second answer"));

	private static final Duration SETTINGS_FRESH_FOR = Duration.ofMinutes(5);

	private final Fail2ban adapter = mock(Fail2ban.class);

	private final JailSettings settings = mock(JailSettings.class);

	private final ExecutorService callers = Executors.newCachedThreadPool();

	private final ReadRuns runs = new ReadRuns();

	/** Opened when a test lets the adapter answer. */
	private final CountDownLatch answer = new CountDownLatch(1);

	@AfterEach
	void stopCallers() {
		answer.countDown();
		callers.shutdownNow();
		runs.destroy();
	}

	@Test
	void letsConcurrentReadsOfTheSameDataWaitForOneRun() throws Exception {
		AtomicInteger runs = new AtomicInteger();
		given(adapter.banList("sshd")).willAnswer(invocation -> {
			runs.incrementAndGet();
			answer.await();
			return SSHD;
		});
		Fail2ban reads = reads(Duration.ofSeconds(1), Duration.ofSeconds(5), Clock.systemUTC());

		List<CompletableFuture<BanList>> pages = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			pages.add(CompletableFuture.supplyAsync(() -> reads.banList("sshd"), callers));
		}
		Thread.sleep(200);
		answer.countDown();

		assertThat(pages).allSatisfy(page -> assertThat(page.get(5, TimeUnit.SECONDS)).isSameAs(SSHD));
		assertThat(runs.get()).isEqualTo(1);
	}

	@Test
	void servesRepeatsForAboutASecondThenAsksAgain() {
		MutableClock clock = new MutableClock(Instant.parse("2026-12-01T16:00:00Z"));
		given(adapter.banList("sshd")).willReturn(SSHD, SSHD_LATER);
		Fail2ban reads = reads(Duration.ofSeconds(1), Duration.ofSeconds(5), clock);

		assertThat(reads.banList("sshd")).isSameAs(SSHD);
		clock.advance(Duration.ofMillis(999));
		assertThat(reads.banList("sshd")).isSameAs(SSHD);
		clock.advance(Duration.ofMillis(1));
		assertThat(reads.banList("sshd")).isSameAs(SSHD_LATER);
		verify(adapter, times(2)).banList("sshd");
	}

	@Test
	void asksAgainAfterEveryReleaseMadeThroughIt() {
		MutableClock clock = new MutableClock(Instant.parse("2026-12-01T16:00:00Z"));
		given(adapter.ignored("sshd")).willReturn(List.of(), List.of("203.0.113.7"), List.of());
		Fail2ban reads = reads(Duration.ofMinutes(1), Duration.ofSeconds(5), clock);
		List<BanTarget> office = List.of(BanTarget.parse("203.0.113.7"));

		assertThat(reads.ignored("sshd")).isEmpty();
		reads.addIgnore(List.of("sshd"), office);
		assertThat(reads.ignored("sshd")).containsExactly("203.0.113.7");
		reads.removeIgnore(List.of("sshd"), office);
		assertThat(reads.ignored("sshd")).isEmpty();
		reads.unban(List.of("203.0.113.7"));
		reads.ignored("sshd");

		verify(adapter, times(4)).ignored("sshd");
	}

	@Test
	void neverTakesARunStartedBeforeAReleaseForTheStateAfterIt() throws Exception {
		given(adapter.banList("sshd")).willAnswer(invocation -> {
			answer.await();
			return SSHD;
		}).willReturn(SSHD_LATER);
		Fail2ban reads = reads(Duration.ofMinutes(1), Duration.ofSeconds(5), Clock.systemUTC());
		CompletableFuture<BanList> before = CompletableFuture.supplyAsync(() -> reads.banList("sshd"), callers);
		Thread.sleep(100);

		reads.unban(List.of("203.0.113.7"));

		assertThat(reads.banList("sshd")).isSameAs(SSHD_LATER);
		answer.countDown();
		assertThat(before.get(5, TimeUnit.SECONDS)).isSameAs(SSHD);
		assertThat(reads.banList("sshd")).as("the later answer stays").isSameAs(SSHD_LATER);
	}

	@Test
	void passesWritesOnUnshared() throws Exception {
		given(adapter.unban(anyCollection())).willAnswer(invocation -> {
			answer.await();
			return Unbanned.NOTHING;
		});
		Fail2ban reads = reads(Duration.ofMinutes(1), Duration.ofSeconds(5), Clock.systemUTC());
		List<String> office = List.of("203.0.113.7");

		CompletableFuture<?> first = CompletableFuture.runAsync(() -> reads.unban(office), callers);
		CompletableFuture<?> second = CompletableFuture.runAsync(() -> reads.unban(office), callers);
		Thread.sleep(100);
		answer.countDown();
		CompletableFuture.allOf(first, second).get(5, TimeUnit.SECONDS);

		verify(adapter, times(2)).unban(office);
	}

	@Test
	void asksFail2banAfreshForTheReadsAJobRestsOnEvenWhileItIsSilent() throws Exception {
		BanTarget office = BanTarget.parse("203.0.113.7");
		Map<BanTarget, List<HeldBan>> banned = Map.of(office, List.of(new HeldBan("sshd", "203.0.113.7", HeldBan.Overlap.OWN)));
		given(adapter.whereBanned(anyCollection())).willReturn(banned).willAnswer(invocation -> {
			answer.await();
			return Map.of(office, List.of());
		});
		Fail2ban reads = reads(Duration.ofMinutes(1), Duration.ofMillis(100), Clock.systemUTC());
		assertThat(reads.whereBanned(List.of(office))).isEqualTo(banned);

		CompletableFuture<Map<BanTarget, List<HeldBan>>> now = CompletableFuture
			.supplyAsync(() -> reads.whereBannedNow(List.of(office)), callers);
		Thread.sleep(300);
		assertThat(reads.notAnsweringSince()).isPresent();
		assertThat(now).as("neither the shared answer nor the last known state").isNotDone();
		answer.countDown();

		assertThat(now.get(5, TimeUnit.SECONDS)).containsEntry(office, List.of());
		assertThat(reads.notAnsweringSince()).isEmpty();
	}

	@Test
	void answersWithTheLastKnownStateOnceFail2banIsSilent() {
		given(adapter.banList("sshd")).willReturn(SSHD).willAnswer(invocation -> {
			answer.await();
			return SSHD_LATER;
		});
		given(adapter.statusOfAllJails()).willReturn(List.of()).willAnswer(invocation -> {
			answer.await();
			return List.of();
		});
		Fail2ban reads = reads(Duration.ZERO, Duration.ofMillis(100), Clock.systemUTC());
		reads.banList("sshd");
		reads.statusOfAllJails();
		assertThat(reads.notAnsweringSince()).isEmpty();

		long started = System.nanoTime();
		assertThat(reads.banList("sshd")).isSameAs(SSHD);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
		assertThat(reads.notAnsweringSince()).isPresent();

		long silentAlready = System.nanoTime();
		assertThat(reads.statusOfAllJails()).isEmpty();
		assertThat(reads.banList("sshd")).isSameAs(SSHD);
		assertThat(Duration.ofNanos(System.nanoTime() - silentAlready)).as("no wait once fail2ban is known silent")
			.isLessThan(Duration.ofMillis(100));
		verify(adapter, times(2)).banList("sshd");
	}

	@Test
	void failsAtOnceForAReadFail2banNeverAnsweredWhileItIsSilent() {
		given(adapter.banList("sshd")).willAnswer(invocation -> {
			answer.await();
			return SSHD;
		});
		given(adapter.jails()).willReturn(List.of("sshd")).willAnswer(invocation -> {
			answer.await();
			return List.of("sshd");
		});
		Fail2ban reads = reads(Duration.ZERO, Duration.ofMillis(100), Clock.systemUTC());
		reads.jails();
		reads.jails();

		assertThatThrownBy(() -> reads.banList("sshd")).isInstanceOfSatisfying(Fail2banException.class, ex -> {
			assertThat(ex.reason()).isEqualTo(Fail2banException.Reason.UNREACHABLE);
			assertThat(ex.getMessage()).matches("fail2ban has not answered for \\d+ s \\(the server may be hung\\)");
		});
	}

	@Test
	void waitsForASlowReadWhileFail2banAnswersOtherCalls() throws Exception {
		given(adapter.banList("sshd")).willReturn(SSHD).willAnswer(invocation -> {
			Thread.sleep(600);
			return SSHD_LATER;
		});
		given(adapter.version()).willReturn("1.0.2");
		Fail2ban reads = reads(Duration.ZERO, Duration.ofMillis(200), Clock.systemUTC());
		reads.banList("sshd");

		CompletableFuture<BanList> slow = CompletableFuture.supplyAsync(() -> reads.banList("sshd"), callers);
		for (int i = 0; i < 8; i++) {
			Thread.sleep(75);
			reads.version();
		}

		assertThat(slow.get(5, TimeUnit.SECONDS)).isSameAs(SSHD_LATER);
	}

	@Test
	void staysSilentAfterARunWasKilledAtTheTimeoutUntilFail2banAnswersAgain() throws Exception {
		CommandException killed = new CommandException(CommandException.Reason.TIMEOUT,
				Explanation.of("command.timeout", "fail2ban-client", 10_000));
		Fail2banException timedOut = new Fail2banException(Fail2banException.Reason.UNREACHABLE,
				Explanation.of("fail2ban.hung", killed.explanation()), killed);
		given(adapter.version()).willThrow(timedOut).willAnswer(invocation -> {
			answer.await();
			return "1.0.2";
		});
		MutableClock clock = new MutableClock(Instant.parse("2026-12-01T16:00:00Z"));
		Fail2ban reads = reads(Duration.ZERO, Duration.ofMillis(500), clock);

		assertThatThrownBy(reads::version).isSameAs(timedOut);
		clock.advance(Duration.ofSeconds(10));
		assertThat(reads.notAnsweringSince()).contains(Instant.parse("2026-12-01T16:00:00Z"));

		// never answered and fail2ban silent: no wait, but the run starts and its answer ends the silence
		assertThatThrownBy(reads::version).hasMessage("fail2ban has not answered for 10 s (the server may be hung)");
		answer.countDown();
		Await.until("fail2ban's answer", Duration.ofSeconds(5), () -> reads.notAnsweringSince().isEmpty());
		assertThat(reads.version()).isEqualTo("1.0.2");
	}

	@Test
	void takesARefusalOrAStoppedServerForAnAnswer() {
		given(adapter.version())
			.willThrow(new Fail2banException(Fail2banException.Reason.UNREACHABLE,
					Explanation.of("fail2ban.noSocket", "/run/fail2ban/fail2ban.sock")));
		MutableClock clock = new MutableClock(Instant.parse("2026-12-01T16:00:00Z"));
		Fail2ban reads = reads(Duration.ZERO, Duration.ofMillis(500), clock);

		assertThatThrownBy(reads::version)
			.hasMessage("fail2ban is not running (no socket at /run/fail2ban/fail2ban.sock)");
		clock.advance(Duration.ofSeconds(10));

		assertThat(reads.notAnsweringSince()).isEmpty();
	}

	@Test
	void servesAJailsSettingsForTheirOwnLongerFreshnessThenAsksAgain() {
		MutableClock clock = new MutableClock(Instant.parse("2026-12-01T16:00:00Z"));
		given(settings.findTime("sshd")).willReturn(Duration.ofMinutes(10), Duration.ofMinutes(20));
		given(settings.logTarget()).willReturn("/var/log/fail2ban.log");
		JailSettings shared = shared(Duration.ofSeconds(1), Duration.ofSeconds(5), clock).settings();

		assertThat(shared.findTime("sshd")).isEqualTo(Duration.ofMinutes(10));
		shared.logTarget();
		clock.advance(SETTINGS_FRESH_FOR.minusMillis(1));
		assertThat(shared.findTime("sshd")).isEqualTo(Duration.ofMinutes(10));
		assertThat(shared.logTarget()).isEqualTo("/var/log/fail2ban.log");
		verify(settings, times(1)).findTime("sshd");
		verify(settings, times(1)).logTarget();
		clock.advance(Duration.ofMillis(1));
		assertThat(shared.findTime("sshd")).isEqualTo(Duration.ofMinutes(20));
	}

	@Test
	void asksForSettingsAgainWhenTheJailSetChangesOrAfterARelease() {
		given(adapter.jails()).willReturn(List.of("sshd", "dovecot"), List.of("dovecot", "sshd"), List.of("sshd"));
		given(settings.findTime("sshd")).willReturn(Duration.ofMinutes(10));
		SharedReads both = shared(Duration.ZERO, Duration.ofSeconds(5), Clock.systemUTC());
		Fail2ban reads = both.fail2ban();
		JailSettings shared = both.settings();

		reads.jails();
		shared.findTime("sshd");
		reads.jails();
		shared.findTime("sshd");
		verify(settings, times(1)).findTime("sshd");

		reads.jails();
		shared.findTime("sshd");
		verify(settings, times(2)).findTime("sshd");
		reads.unban(List.of("203.0.113.7"));
		shared.findTime("sshd");
		verify(settings, times(3)).findTime("sshd");
	}

	@Test
	void refusesAtOnceASettingFail2banNeverAnsweredWhileItIsSilentAndAnswersAKnownOneFromTheLastState() {
		given(adapter.jails()).willReturn(List.of("sshd")).willAnswer(invocation -> {
			answer.await();
			return List.of("sshd");
		});
		given(settings.findTime("sshd")).willReturn(Duration.ofMinutes(10)).willAnswer(invocation -> {
			answer.await();
			return Duration.ofMinutes(10);
		});
		given(settings.logSources("sshd")).willAnswer(invocation -> {
			answer.await();
			return new LogSources(List.of("/var/log/auth.log"), List.of());
		});
		SharedReads both = new SharedReads(adapter, settings,
				new ReadsProperties(Duration.ZERO, Duration.ofMillis(100), Duration.ZERO), Clock.systemUTC(), runs);
		Fail2ban reads = both.fail2ban();
		JailSettings shared = both.settings();
		shared.findTime("sshd");
		reads.jails();
		reads.jails();
		assertThat(reads.notAnsweringSince()).isPresent();

		long silentAlready = System.nanoTime();
		assertThatThrownBy(() -> shared.logSources("sshd")).isInstanceOfSatisfying(Fail2banException.class, ex -> {
			assertThat(ex.reason()).isEqualTo(Fail2banException.Reason.UNREACHABLE);
			assertThat(ex.explanation().code()).isEqualTo("fail2ban.silent");
		});
		assertThat(shared.findTime("sshd")).isEqualTo(Duration.ofMinutes(10));
		assertThat(Duration.ofNanos(System.nanoTime() - silentAlready)).as("no wait once fail2ban is known silent")
			.isLessThan(Duration.ofMillis(100));
	}

	@Test
	void refusesAJailNameThatIsNotOneBeforeAnythingRuns() {
		JailSettings shared = shared(Duration.ZERO, Duration.ofSeconds(5), Clock.systemUTC()).settings();

		assertThatThrownBy(() -> shared.rules("--all")).isInstanceOf(InvalidValueException.class);
		verifyNoInteractions(settings);
	}

	@Test
	void runsTheReadsOfEveryHostOnOnePoolOfAtMostItsSizeAndAnswersThemAll() throws Exception {
		AtomicInteger running = new AtomicInteger();
		given(adapter.banList(anyString())).willAnswer(invocation -> {
			running.incrementAndGet();
			answer.await();
			return SSHD;
		});
		List<Fail2ban> hosts = List.of(reads(Duration.ZERO, Duration.ofSeconds(5), Clock.systemUTC()),
				reads(Duration.ZERO, Duration.ofSeconds(5), Clock.systemUTC()));
		List<CompletableFuture<BanList>> pages = new ArrayList<>();
		for (int i = 0; i < ReadRuns.SIZE * 3 / 2; i++) {
			Fail2ban host = hosts.get(i % 2);
			String jail = "jail" + i;
			pages.add(CompletableFuture.supplyAsync(() -> host.banList(jail), callers));
		}
		Await.until("every thread of the pool running a read", Duration.ofSeconds(10),
				() -> running.get() >= ReadRuns.SIZE);
		Thread.sleep(300);

		assertThat(running).as("reads running at once, over both hosts").hasValue(ReadRuns.SIZE);
		answer.countDown();
		assertThat(pages).allSatisfy(page -> assertThat(page.get(5, TimeUnit.SECONDS)).isSameAs(SSHD));
	}

	private Fail2ban reads(Duration freshFor, Duration answerWithin, Clock clock) {
		return shared(freshFor, answerWithin, clock).fail2ban();
	}

	private SharedReads shared(Duration freshFor, Duration answerWithin, Clock clock) {
		return new SharedReads(adapter, settings, new ReadsProperties(freshFor, answerWithin, SETTINGS_FRESH_FOR), clock,
				runs);
	}

}
