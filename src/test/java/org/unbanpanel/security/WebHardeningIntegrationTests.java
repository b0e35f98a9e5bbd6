package org.unbanpanel.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.unbanpanel.testsupport.PanelBrowser;
import org.unbanpanel.testsupport.PanelWithoutTools;
import org.unbanpanel.testsupport.TestPanel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web hardening of issue 5 as a browser and a script meet it over real HTTP: session cookie flags, a new session
 * id at sign-in, the protective headers, error pages and API problems without exception texts, an API without
 * sessions. fail2ban is deliberately absent: the pages must still answer, with their banner.
 */
@PanelWithoutTools(users = { "alice", "ADMIN" })
class WebHardeningIntegrationTests {

	static final String PASSWORD = TestPanel.PASSWORD;

	static final String SECRET_DETAIL = "secret-detail-4711 /etc/shadow";

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@LocalServerPort
	private int port;

	@Autowired
	private Environment environment;

	@Test
	void sessionCookieIsHttpOnlyAndSameSiteLax() {
		HttpResponse<String> login = new PanelBrowser(port).get("/login");

		assertThat(login.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie)
			.startsWith("JSESSIONID=")
			.contains("HttpOnly")
			.contains("SameSite=Lax")
			.as("plain HTTP: the cookie must still reach the panel")
			.doesNotContain("Secure"));
		assertThat(environment.getProperty("server.servlet.session.timeout", Duration.class)).isEqualTo(Duration.ofMinutes(30));
	}

	@Test
	void signingInGivesANewSessionId() {
		PanelBrowser browser = new PanelBrowser(port);
		browser.get("/login");
		String before = browser.cookie("JSESSIONID").orElseThrow();

		browser.signIn("alice", PASSWORD);

		assertThat(browser.cookie("JSESSIONID")).isPresent().get().isNotEqualTo(before);
		assertThat(browser.get("/jobs").statusCode()).isEqualTo(200);
	}

	@Test
	void everyPageCarriesTheProtectiveHeaders() {
		PanelBrowser browser = new PanelBrowser(port);
		browser.signIn("alice", PASSWORD);

		for (HttpResponse<String> response : new HttpResponse[] { browser.get("/login"), browser.get("/system/unblock"),
				browser.get("/no/such/page"), api("GET", "/api/v1/jobs/1", "alice", PASSWORD, null) }) {
			assertThat(response.headers().firstValue("Content-Security-Policy"))
				.hasValue(SecurityConfig.CONTENT_SECURITY_POLICY);
			assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
			assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
			assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
		}
	}

	@Test
	void errorPagesUseTheLayoutSignedInAndSignedOutWithoutExceptionTexts() {
		HttpResponse<String> signedOut = new PanelBrowser(port).get("/css/missing.css");
		assertThat(signedOut.statusCode()).isEqualTo(404);
		assertThat(signedOut.body()).contains("There is no such page").contains("panel.css").doesNotContain("Sign out");

		PanelBrowser browser = new PanelBrowser(port);
		browser.signIn("alice", PASSWORD);
		HttpResponse<String> missing = browser.get("/no/such/page");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("There is no such page").contains("Sign out");

		HttpResponse<String> badId = browser.get("/jobs/1;id");
		assertThat(badId.statusCode()).isEqualTo(400);
		assertThat(badId.body()).contains("Error 400").contains("Sign out");
		assertNoExceptionText(badId.body());

		HttpResponse<String> failure = browser.get("/test/failing-page");
		assertThat(failure.statusCode()).isEqualTo(500);
		assertThat(failure.body()).contains("Error 500").contains("Sign out");
		assertNoExceptionText(failure.body());
	}

	@Test
	void apiErrorsAreProblemsWithoutExceptionTexts() {
		HttpResponse<String> badId = api("GET", "/api/v1/jobs/abc", "alice", PASSWORD, null);
		assertThat(badId.statusCode()).isEqualTo(400);
		assertThat(badId.headers().firstValue("Content-Type")).hasValue("application/problem+json");

		HttpResponse<String> malformed = api("POST", "/api/v1/unblock", "alice", PASSWORD, "{\"ips\": [\"1.2.3.4\"");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(malformed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertNoExceptionText(malformed.body());

		HttpResponse<String> failure = api("GET", "/api/test/failing", "alice", PASSWORD, null);
		assertThat(failure.statusCode()).isEqualTo(500);
		assertThat(failure.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertNoExceptionText(failure.body());
	}

	@Test
	void theApiNeverSetsACookie() {
		for (HttpResponse<String> response : new HttpResponse[] { api("GET", "/api/v1/jobs/1", "alice", PASSWORD, null),
				api("POST", "/api/v1/unblock", "alice", PASSWORD, "{\"ips\": [\"1.2.3.4;id\"]}"),
				api("GET", "/api/v1/jobs/1", "alice", "wrong password", null),
				api("GET", "/api/v1/jobs/1", null, null, null) }) {
			assertThat(response.headers().allValues("Set-Cookie")).as("answer %d", response.statusCode()).isEmpty();
		}
	}

	private static void assertNoExceptionText(String body) {
		assertThat(body).doesNotContain(SECRET_DETAIL)
			.doesNotContain("Exception")
			.doesNotContain("at org.")
			.doesNotContain("at java.")
			.doesNotContainIgnoringCase("jackson");
	}

	private HttpResponse<String> api(String method, String path, String user, String password, String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
			.header("Content-Type", "application/json");
		if (user != null) {
			request.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
		}
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A page and an API call that fail with an exception whose message must not be shown. */
	@TestConfiguration
	static class FailingEndpoints {

		@Controller
		static class FailingPage {

			@GetMapping("/test/failing-page")
			String fail() {
				throw new IllegalStateException(SECRET_DETAIL);
			}

		}

		@RestController
		static class FailingApi {

			@GetMapping("/api/test/failing")
			String fail() {
				throw new IllegalStateException(SECRET_DETAIL);
			}

		}

	}

}
