package org.unbanpanel.fail2ban;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

class Fail2banHealthTests {

	private final Fail2ban fail2ban = mock(Fail2ban.class);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T16:00:00Z"));

	private final Fail2banHealth health = new Fail2banHealth(fail2ban, clock);

	@Test
	void reportsNoProblemWhileFail2banAnswers() {
		given(fail2ban.version()).willReturn("1.0.2");

		assertThat(health.problem()).isNull();
		assertThat(health.notAnsweringFor()).isNull();
	}

	@Test
	void reportsWhyFail2banCannotBeReachedAndAsksAgainOnlyAfterAFewSeconds() {
		given(fail2ban.version())
			.willThrow(new Fail2banException(Fail2banException.Reason.UNREACHABLE,
				Explanation.of("fail2ban.noSocket", "/run/fail2ban/fail2ban.sock")));

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

}
