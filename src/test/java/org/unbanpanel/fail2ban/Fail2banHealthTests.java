package org.unbanpanel.fail2ban;


import org.junit.jupiter.api.Test;
import org.unbanpanel.core.Explanation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

class Fail2banHealthTests {

	private final Fail2ban fail2ban = mock(Fail2ban.class);

	private final Fail2banHealth health = new Fail2banHealth(fail2ban);

	@Test
	void reportsNoProblemWhileFail2banAnswers() {
		given(fail2ban.version()).willReturn("1.0.2");

		assertThat(health.problem()).isNull();
	}

	@Test
	void reportsWhyFail2banCannotBeReachedAndAsksAgainOnlyAfterAFewSeconds() {
		given(fail2ban.version())
			.willThrow(new Fail2banException(Fail2banException.Reason.UNREACHABLE,
				Explanation.of("fail2ban.noSocket", "/run/fail2ban/fail2ban.sock")));

		assertThat(health.problem()).isEqualTo(Explanation.of("fail2ban.noSocket", "/run/fail2ban/fail2ban.sock"));
		assertThat(health.problem().english())
			.isEqualTo("fail2ban is not running (no socket at /run/fail2ban/fail2ban.sock)");
		verify(fail2ban, times(1)).version();
	}

}
