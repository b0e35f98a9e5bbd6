package org.unbanpanel.fail2ban;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

class SilentSettingsTests {

	private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	private final JailSettings commands = mock(JailSettings.class);

	private final Fail2ban fail2ban = mock(Fail2ban.class);

	private final SilentSettings settings = new SilentSettings(commands, fail2ban,
			Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void asksNothingWhileFail2banIsSilentAndSaysForHowLong() {
		given(fail2ban.notAnsweringSince()).willReturn(Optional.of(NOW.minusSeconds(12)));

		assertThatExceptionOfType(Fail2banException.class).isThrownBy(() -> settings.findTime("sshd"))
			.satisfies(ex -> {
				assertThat(ex.reason()).isEqualTo(Fail2banException.Reason.UNREACHABLE);
				assertThat(ex.explanation().code()).isEqualTo("fail2ban.silent");
			});
		assertThatExceptionOfType(Fail2banException.class).isThrownBy(() -> settings.logSources("sshd"));
		assertThatExceptionOfType(Fail2banException.class).isThrownBy(() -> settings.rules("sshd"));
		assertThatExceptionOfType(Fail2banException.class).isThrownBy(settings::logTarget);
		verifyNoInteractions(commands);
	}

	@Test
	void readsThroughWhileFail2banAnswers() {
		given(fail2ban.notAnsweringSince()).willReturn(Optional.empty());
		given(commands.findTime("sshd")).willReturn(Duration.ofMinutes(10));
		given(commands.logTarget()).willReturn("/var/log/fail2ban.log");

		assertThat(settings.findTime("sshd")).isEqualTo(Duration.ofMinutes(10));
		assertThat(settings.logTarget()).isEqualTo("/var/log/fail2ban.log");
	}

}
