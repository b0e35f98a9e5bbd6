package org.unbanpanel.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.unbanpanel.security.lockout.LockoutConfiguration;
import org.unbanpanel.testsupport.MutableClock;
import org.unbanpanel.testsupport.PanelWebTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The panel's own slow-down as a browser and an API client meet it. The throttle lives as long as the application
 * context, so every test fails from its own addresses and, but for the one about the user name, with its own unknown
 * user name.
 */
@WebMvcTest(LoginController.class)
@PanelWebTest
@Import({ LockoutConfiguration.class, LoginThrottleWebTests.Time.class })
class LoginThrottleWebTests {

	static final String PASSWORD = "correct horse";

	static final Path AUTH_LOG = Path.of("target", "lockout-web-test-" + UUID.randomUUID(), "auth.log");

	@Autowired
	private MockMvc mvc;

	@Autowired
	private MutableClock clock;

	@DynamicPropertySource
	static void alice(DynamicPropertyRegistry registry) {
		registry.add("panel.users[0].username", () -> "alice");
		registry.add("panel.users[0].role", () -> "ADMIN");
		registry.add("panel.security.auth-log", AUTH_LOG::toString);
		registry.add("panel.users[0].password", () -> "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD));
	}

	@TestConfiguration
	static class Time {

		@Bean
		MutableClock clock() {
			return new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
		}

	}

	@Test
	void refusesTheSixthFormSignInFromAnAddressEvenWithTheRightPasswordUntilTheBlockEnds() throws Exception {
		for (int failure = 1; failure <= 5; failure++) {
			signIn("203.0.113.10", "carol", "guess " + failure).andExpect(redirectedUrl("/login?error"));
		}

		signIn("203.0.113.10", "alice", PASSWORD).andExpect(redirectedUrl("/login?throttled"));
		assertThat(Files.readAllLines(AUTH_LOG))
			.filteredOn(line -> line.endsWith("unban-panel: authentication failure for user=carol from=203.0.113.10"))
			.hasSize(5);

		clock.advance(Duration.ofSeconds(30));
		signIn("203.0.113.10", "alice", PASSWORD).andExpect(redirectedUrl("/"));
	}

	@Test
	void saysOnTheSignInPageWhyItWasRefused() throws Exception {
		mvc.perform(get("/login").param("throttled", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Too many failed sign-ins from your address")));
	}

	@Test
	void answersTheApiWithTooManyRequestsAndRetryAfter() throws Exception {
		for (int failure = 1; failure <= 5; failure++) {
			mvc.perform(get("/api/v1/jobs/1").with(httpBasic("dave", "guess")).with(from("203.0.113.11")))
				.andExpect(status().isUnauthorized());
		}

		mvc.perform(get("/api/v1/jobs/1").with(httpBasic("alice", PASSWORD)).with(from("203.0.113.11")))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "30"))
			.andExpect(header().string("Content-Type", containsString("application/problem+json")))
			.andExpect(jsonPath("$.status").value(429))
			.andExpect(jsonPath("$.detail")
				.value("Too many failed sign-ins from this address; try again in 30 seconds."));
		assertThat(Files.readAllLines(AUTH_LOG))
			.filteredOn(line -> line.endsWith("unban-panel: authentication failure for user=dave from=203.0.113.11"))
			.hasSize(5);
	}

	@Test
	void letsTheOwnerOfAGuessedNameInFromAnotherAddressAfterAShortWait() throws Exception {
		for (int failure = 1; failure <= 5; failure++) {
			signIn("192.0.2." + failure, "alice", "guess " + failure).andExpect(redirectedUrl("/login?error"));
		}

		long started = System.nanoTime();
		signIn("198.51.100.20", "alice", PASSWORD).andExpect(redirectedUrl("/"));

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
	}

	private ResultActions signIn(String address, String username, String password) throws Exception {
		return mvc.perform(post("/login").param("username", username)
			.param("password", password)
			.with(csrf())
			.with(from(address)));
	}

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
