package org.unbanpanel.health;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.unbanpanel.fail2ban.Fail2ban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class Fail2banHealthIndicatorTests {

	private final Fail2ban fail2ban = mock(Fail2ban.class);

	private final Fail2banHealthIndicator indicator = new Fail2banHealthIndicator(fail2ban);

	@Test
	void isUpWithTheVersionWhileFail2banAnswers() {
		given(fail2ban.version()).willReturn("1.0.2");

		Health health = indicator.health();

		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("version", "1.0.2").containsEntry("reachable", true);
	}

	@Test
	void isDownWhileFail2banIsSilentThoughItsLastVersionIsKnown() {
		given(fail2ban.version()).willReturn("1.0.2");
		given(fail2ban.notAnsweringSince()).willReturn(Optional.of(Instant.parse("2026-12-01T16:00:00Z")));

		Health health = indicator.health();

		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("reason", "NOT_ANSWERING")
			.containsEntry("notAnsweringSince", "2026-12-01T16:00:00Z")
			.containsEntry("reachable", false);
	}

}
