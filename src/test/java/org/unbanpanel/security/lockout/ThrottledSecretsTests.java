package org.unbanpanel.security.lockout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unbanpanel.security.SecretGuard;
import org.unbanpanel.testsupport.MutableClock;
import org.unbanpanel.web.PanelProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ThrottledSecretsTests {

	static final SecretGuard.Limits LIMITS = new SecretGuard.Limits(3, Duration.ofMinutes(10), Duration.ofMinutes(1),
			Duration.ofHours(1));

	@TempDir
	Path dataDir;

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T11:52:03Z"));

	private Path file;

	private SecretGuard guard;

	@BeforeEach
	void guard() {
		file = dataDir.resolve("auth.log");
		AuthFailureLog log = new AuthFailureLog(new LockoutProperties(file, null),
				new PanelProperties(dataDir, List.of(), null, null), clock);
		guard = new ThrottledSecrets(log, clock, 64).guard("release-link", LIMITS);
	}

	@Test
	void refusesAnAddressAfterItsWrongSecretsAndLogsEveryWrongOrRefusedTry() throws Exception {
		for (int wrong = 0; wrong < LIMITS.maxFailures(); wrong++) {
			try (SecretGuard.Try attempt = guard.begin("192.0.2.1")) {
				attempt.wrong();
			}
		}

		assertThatExceptionOfType(SecretGuard.Refused.class).isThrownBy(() -> guard.begin("192.0.2.1"))
			.satisfies(refused -> assertThat(refused.retryAfterSeconds()).isEqualTo(60));
		assertThat(Files.readAllLines(file)).hasSize(4)
			.allSatisfy(line -> assertThat(line)
				.isEqualTo("2026-11-25T11:52:03+0000 unban-panel: authentication failure for user=release-link "
						+ "from=192.0.2.1"));
	}

	@Test
	void countsEachAddressOnItsOwnAndARightSecretNotAtAll() throws Exception {
		for (int wrong = 0; wrong < LIMITS.maxFailures(); wrong++) {
			guard.begin("192.0.2.1").wrong();
		}
		for (int right = 0; right < 10; right++) {
			guard.begin("192.0.2.2").close();
		}

		try (SecretGuard.Try attempt = guard.begin("192.0.2.2")) {
			assertThat(attempt).isNotNull();
		}
		assertThat(Files.readAllLines(file)).allSatisfy(line -> assertThat(line).endsWith("from=192.0.2.1"));
	}

	@Test
	void letsTheAddressTryAgainOnceTheBlockIsOver() {
		for (int wrong = 0; wrong < LIMITS.maxFailures(); wrong++) {
			guard.begin("::ffff:192.0.2.1").wrong();
		}
		assertThatExceptionOfType(SecretGuard.Refused.class).isThrownBy(() -> guard.begin("192.0.2.1"));

		clock.advance(Duration.ofMinutes(5));

		guard.begin("192.0.2.1").close();
	}

}
