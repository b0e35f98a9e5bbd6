package org.unbanpanel.testsupport;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The clock for controller tests whose pages show countdowns: it stands at {@link #NOW}. Import it. */
@TestConfiguration(proxyBeanMethods = false)
public class FixedClock {

	public static final Instant NOW = Instant.parse("2026-11-25T11:05:00Z");

	@Bean
	Clock clock() {
		return Clock.fixed(NOW, ZoneOffset.UTC);
	}

}
