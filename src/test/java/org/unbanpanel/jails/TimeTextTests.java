package org.unbanpanel.jails;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimeTextTests {

	@Test
	void writesBanTimesInTheirLargestUnit() {
		assertThat(TimeText.duration(Duration.ofHours(1))).isEqualTo("1 h");
		assertThat(TimeText.duration(Duration.ofHours(12))).isEqualTo("12 h");
		assertThat(TimeText.duration(Duration.ofMinutes(10))).isEqualTo("10 min");
		assertThat(TimeText.duration(Duration.ofDays(7))).isEqualTo("7 d");
	}

	@Test
	void keepsTheNextUnitAndCutsTheRest() {
		assertThat(TimeText.duration(Duration.ofSeconds(3 * 3600 + 12 * 60 + 59))).isEqualTo("3 h 12 min");
		assertThat(TimeText.duration(Duration.ofHours(28).plusMinutes(5))).isEqualTo("1 d 4 h");
		assertThat(TimeText.duration(Duration.ofSeconds(90))).isEqualTo("1 min 30 s");
		assertThat(TimeText.duration(Duration.ofSeconds(45))).isEqualTo("45 s");
	}

	@Test
	void countsANegativeDurationAsZero() {
		assertThat(TimeText.duration(Duration.ofSeconds(-5))).isEqualTo("0 s");
	}

}
