package org.unbanpanel.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.unbanpanel.security.lockout.TooManyAttemptsException;
import org.unbanpanel.testsupport.MutableClock;
import org.unbanpanel.testsupport.PanelWebTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The panel's own throttle as a browser and an API client meet it, with the real sign-in rules and a clock the test
 * moves. The throttle lives as long as the application context, so every test fails from its own addresses and for
 * its own user names.
 */
@WebMvcTest(LoginController.class)
@PanelWebTest
@Import(LoginThrottleWebTests.Time.class)
class LoginThrottleWebTests {

	static final String PASSWORD = "correct horse";

	static final String[] USERS = { "alice", "bob", "carol", "erin", "frank", "grace", "heidi" };

	static final Path AUTH_LOG = Path.of("target", "lockout-web-test-" + UUID.randomUUID(), "auth.log");

	@Autowired
	private MockMvc mvc;

	@Autowired
	private MutableClock clock;

	@Autowired
	private FailureEvents failureEvents;

	@MockitoSpyBean
	private PasswordEncoder passwords;

	@DynamicPropertySource
	static void users(DynamicPropertyRegistry registry) {
		String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);
		for (int i = 0; i < USERS.length; i++) {
			String name = USERS[i];
			registry.add("panel.users[" + i + "].username", () -> name);
			registry.add("panel.users[" + i + "].role", () -> "ADMIN");
			registry.add("panel.users[" + i + "].password", () -> hash);
		}
		registry.add("panel.security.auth-log", AUTH_LOG::toString);
	}

	@TestConfiguration
	static class Time {

		@Bean
		MutableClock clock() {
			return new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
		}

		@Bean
		FailureEvents failureEvents() {
			return new FailureEvents();
		}

	}

	/** Spring Security's failure events, which the metrics count. */
	static class FailureEvents {

		final List<Exception> seen = new CopyOnWriteArrayList<>();

		@EventListener
		void failed(AbstractAuthenticationFailureEvent event) {
			seen.add(event.getException());
		}

	}

	@Test
	void refusesTheSixthFormSignInFromAnAddressAtOnceEvenWithTheRightPasswordUntilTheBlockEnds() throws Exception {
		for (int failure = 1; failure <= 5; failure++) {
			signIn("203.0.113.10", "mallory", "guess " + failure).andExpect(redirectedUrl("/login?error"));
		}

		signIn("203.0.113.10", "alice", PASSWORD).andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "30"))
			.andExpect(forwardedUrl(LoginController.THROTTLED));
		assertThat(Files.readAllLines(AUTH_LOG)).filteredOn(line -> line.endsWith(
				"unban-panel: authentication failure for user=mallory from=203.0.113.10"))
			.hasSize(5);
		assertThat(Files.readAllLines(AUTH_LOG)).as("the refused attempt is a line too").filteredOn(line -> line
			.endsWith("unban-panel: authentication failure for user=alice from=203.0.113.10"))
			.hasSize(1);

		clock.advance(Duration.ofMinutes(1));
		signIn("203.0.113.10", "alice", PASSWORD).andExpect(redirectedUrl("/"));
	}

	@Test
	void answersTheApiWithTooManyRequestsAndRetryAfter() throws Exception {
		for (int failure = 1; failure <= 5; failure++) {
			apiSignIn("203.0.113.11", "dave", "guess").andExpect(status().isUnauthorized());
		}

		apiSignIn("203.0.113.11", "bob", PASSWORD).andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "30"))
			.andExpect(header().string("Content-Type", containsString("application/problem+json")))
			.andExpect(jsonPath("$.status").value(429))
			.andExpect(jsonPath("$.detail")
				.value("Too many failed sign-ins from this address; try again in 30 seconds."));
		assertThat(Files.readAllLines(AUTH_LOG))
			.filteredOn(line -> line.endsWith("unban-panel: authentication failure for user=dave from=203.0.113.11"))
			.hasSize(5);
		assertThat(failureEvents.seen).as("Spring Security's events, for the metrics")
			.hasAtLeastOneElementOfType(BadCredentialsException.class)
			.hasAtLeastOneElementOfType(TooManyAttemptsException.class);
	}

	@Test
	void answersTheApiInTheLanguageOfTheRequest() throws Exception {
		for (int failure = 1; failure <= 5; failure++) {
			apiSignIn("203.0.113.12", "judy", "guess").andExpect(status().isUnauthorized());
		}

		mvc.perform(get("/api/v1/jobs/1").with(httpBasic("bob", PASSWORD))
			.with(from("203.0.113.12"))
			.header("Accept-Language", "ca"))
			.andExpect(status().isTooManyRequests())
			.andExpect(jsonPath("$.title").value("Massa intents fallits"))
			.andExpect(jsonPath("$.detail")
				.value("Massa intents fallits des d'aquesta adreça; torna-ho a provar d'aquí a 30 segons."));
	}

	@Test
	void refusesAGuessedNameFromEveryAddressForAMomentInsteadOfMakingItWait() throws Exception {
		for (int failure = 1; failure <= 5; failure++) {
			signIn("192.0.2." + failure, "carol", "guess " + failure).andExpect(redirectedUrl("/login?error"));
		}

		apiSignIn("198.51.100.20", "carol", PASSWORD).andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "1"))
			.andExpect(jsonPath("$.detail")
				.value("Too many failed sign-ins for this user name; try again in 1 second."));
		clock.advance(Duration.ofSeconds(1));
		signIn("198.51.100.20", "carol", PASSWORD).andExpect(redirectedUrl("/"));
	}

	@Test
	void letsTheOwnerOfAGuessedNameInAtOnceFromABrowserItSignedInFromBefore() throws Exception {
		MvcResult before = signIn("198.51.100.30", "erin", PASSWORD).andExpect(redirectedUrl("/")).andReturn();
		Cookie device = before.getResponse().getCookie("unban-panel-device");
		assertThat(device).isNotNull();
		for (int failure = 1; failure <= 5; failure++) {
			signIn("192.0.2." + (10 + failure), "erin", "guess " + failure).andExpect(redirectedUrl("/login?error"));
		}

		signIn("198.51.100.31", "erin", PASSWORD).andExpect(status().isTooManyRequests());
		mvc.perform(post("/login").param("username", "erin")
			.param("password", PASSWORD)
			.cookie(device)
			.with(csrf())
			.with(from("198.51.100.32"))).andExpect(redirectedUrl("/"));
	}

	@Test
	void countsAnIpv4MappedAddressAsItsIpv4Address() throws Exception {
		for (int failure = 1; failure <= 5; failure++) {
			String address = failure % 2 == 0 ? "198.51.100.44" : "::ffff:198.51.100.44";
			apiSignIn(address, "mapped" + failure, "guess").andExpect(status().isUnauthorized());
		}

		apiSignIn("198.51.100.44", "frank", PASSWORD).andExpect(status().isTooManyRequests());
		apiSignIn("::ffff:198.51.100.44", "frank", PASSWORD).andExpect(status().isTooManyRequests());
	}

	@Test
	void countsTheAddressesOfOneIpv6Slash64Together() throws Exception {
		for (int failure = 1; failure <= 5; failure++) {
			apiSignIn("2001:db8:1:2::" + failure, "net" + failure, "guess").andExpect(status().isUnauthorized());
		}

		apiSignIn("2001:db8:1:2:ffff:ffff:ffff:ffff", "grace", PASSWORD).andExpect(status().isTooManyRequests());
		apiSignIn("2001:db8:1:3::1", "grace", PASSWORD).andExpect(status().isNotFound());
	}

	/** What held up in the red team's test must keep holding: the guard must not tell names apart by time. */
	@Test
	void checksAPasswordForAnUnknownNameAsForAKnownOneSoTheTimeTellsNoNames() throws Exception {
		clearInvocations(passwords);

		signIn("198.51.100.50", "nobody-here", "guess").andExpect(redirectedUrl("/login?error"));
		verify(passwords, times(1)).matches(any(), any());
		signIn("198.51.100.51", "heidi", "guess").andExpect(redirectedUrl("/login?error"));
		verify(passwords, times(2)).matches(any(), any());
	}

	private ResultActions apiSignIn(String address, String username, String password) throws Exception {
		return mvc.perform(get("/api/v1/jobs/1").with(httpBasic(username, password)).with(from(address)));
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
