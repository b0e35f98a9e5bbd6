package org.unbanpanel.fail2ban;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.testsupport.Await;
import org.unbanpanel.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

class Fail2banHealthTests {

	private static final Fail2banException NOT_RUNNING = new Fail2banException(Fail2banException.Reason.UNREACHABLE,
			Explanation.of("fail2ban.noSocket", "/run/fail2ban/fail2ban.sock"));

	private final Fail2ban fail2ban = mock(Fail2ban.class);

	private final List<Object> events = new CopyOnWriteArrayList<>();

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T16:00:00Z"));

	private final Fail2banHealth health = new Fail2banHealth(fail2ban, true, events::add, clock);

	/** A watch's probe runs on real time. */
	private final Fail2banHealth watched = new Fail2banHealth(fail2ban, true, events::add, Clock.systemUTC());

	@AfterEach
	void stopProbing() {
		health.close();
		watched.close();
	}

	@Test
	void reportsNoProblemWhileFail2banAnswers() {
		given(fail2ban.version()).willReturn("1.0.2");

		assertThat(health.problem()).isNull();
		assertThat(events).isEmpty();
		assertThat(health.notAnsweringFor()).isNull();
	}

	@Test
	void neverAsksThisMachinesFail2banWhenItIsNotOneOfThePanelsHosts() {
		given(fail2ban.version()).willThrow(NOT_RUNNING);
		given(fail2ban.notAnsweringSince()).willReturn(Optional.of(clock.instant().minusSeconds(60)));
		try (Fail2banHealth elsewhere = new Fail2banHealth(fail2ban, false, events::add, clock)) {
			assertThat(elsewhere.problem()).isNull();
			assertThat(elsewhere.notAnsweringFor()).isNull();
		}
		verify(fail2ban, never()).version();
	}

	@Test
	void reportsWhyFail2banCannotBeReachedAndAsksAgainOnlyAfterAFewSeconds() {
		given(fail2ban.version()).willThrow(NOT_RUNNING);

		assertThat(health.problem()).isEqualTo(Explanation.of("fail2ban.noSocket", "/run/fail2ban/fail2ban.sock"));
		clock.advance(Fail2banHealth.REMEMBER_FOR);
		assertThat(health.problem().english())
			.isEqualTo("fail2ban is not running (no socket at /run/fail2ban/fail2ban.sock)");
		verify(fail2ban, times(1)).version();
		clock.advance(Duration.ofSeconds(1));
		health.problem();
		verify(fail2ban, times(2)).version();
	}

	@Test
	void stampsTheReadingWhenTheAnswerArrivesNotBeforeASlowCall() {
		given(fail2ban.version()).willAnswer(invocation -> {
			clock.advance(Duration.ofSeconds(10));
			return "1.0.2";
		});

		health.problem();
		clock.advance(Fail2banHealth.REMEMBER_FOR.minusSeconds(1));
		health.problem();

		verify(fail2ban, times(1)).version();
	}

	@Test
	void saysHowLongFail2banHasNotAnswered() {
		given(fail2ban.notAnsweringSince()).willReturn(Optional.of(clock.instant().minusSeconds(12)));

		assertThat(health.notAnsweringFor()).isEqualTo(Duration.ofSeconds(12));
	}

	@Test
	void aWatchAsksEverySecondAndTellsOnceWhenFail2banAnswersAgain() throws InterruptedException {
		given(fail2ban.version()).willThrow(NOT_RUNNING).willThrow(NOT_RUNNING).willReturn("1.0.2");

		watched.watchUntil(Instant.now().plus(Duration.ofMinutes(1)));

		Await.until("fail2ban to be found answering", Duration.ofSeconds(10), () -> !events.isEmpty());
		assertThat(events).singleElement().isInstanceOf(Fail2banAnswersAgain.class);
		assertThat(watched.problem()).as("the probe's reading, remembered").isNull();
		Thread.sleep(1_500);
		verify(fail2ban, times(3)).version();
		assertThat(events).as("the watch ended with the answer").hasSize(1);
	}

	@Test
	void aWatchEndsAtItsTimeWhileFail2banStaysAway() throws InterruptedException {
		given(fail2ban.version()).willThrow(NOT_RUNNING);

		watched.watchUntil(Instant.now().plusMillis(500));

		Thread.sleep(3_000);
		verify(fail2ban, times(1)).version();
		assertThat(events).isEmpty();
	}

}
