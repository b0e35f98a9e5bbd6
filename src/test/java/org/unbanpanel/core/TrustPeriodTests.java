package org.unbanpanel.core;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrustPeriodTests {

	@Test
	void readsTheTrustPeriodsTheFormsOffer() {
		assertThat(TrustPeriod.fromParam(null)).isEqualTo(TrustPeriod.NONE);
		assertThat(TrustPeriod.fromParam("")).isEqualTo(TrustPeriod.NONE);
		assertThat(TrustPeriod.fromParam("12h").duration()).isEqualTo(Duration.ofHours(12));
		assertThatThrownBy(() -> TrustPeriod.fromParam("99h")).isInstanceOfSatisfying(InvalidValueException.class,
				ex -> assertThat(ex.code()).isEqualTo("trust.period.invalid"));
	}

}
