package org.unbanpanel.jobs;

import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JobsPropertiesTests {

	@Test
	void doublesTheWaitAfterEachAttemptUpToTheMaximum() {
		JobsProperties properties = new JobsProperties(Duration.ofSeconds(1), Duration.ofSeconds(30),
				Duration.ofMinutes(10), 10_000, 32);

		assertThat(IntStream.rangeClosed(1, 8).mapToObj(properties::delayAfter).map(Duration::toSeconds))
			.containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
	}

	@Test
	void staysAtTheMaximumAfterManyAttempts() {
		JobsProperties properties = new JobsProperties(Duration.ofMillis(500), Duration.ofSeconds(30),
				Duration.ofDays(1), 10_000, 32);

		assertThat(properties.delayAfter(10_000)).isEqualTo(Duration.ofSeconds(30));
	}

}
