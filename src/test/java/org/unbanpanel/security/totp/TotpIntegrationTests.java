package org.unbanpanel.security.totp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.unbanpanel.testsupport.PanelBrowser;
import org.unbanpanel.testsupport.PanelWithoutTools;
import org.unbanpanel.testsupport.TestPanel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two-step sign-in over real HTTP with {@code panel.security.require-totp} on: an admin enrols at the first sign-in
 * and then needs a fresh code each time, an operator may enrol from the Account page, and the API, which cannot take a
 * code, serves only users without a second factor.
 */
@PanelWithoutTools(
		users = { "alice", "ADMIN", "carol", "ADMIN", "noc", "OPERATOR", "ops", "OPERATOR", "deploy", "ADMIN" },
		properties = { "panel.security.require-totp=true", "panel.security.api-users=deploy",
				// every client here is 127.0.0.1, and wrong codes count against it; WrongCodeLockoutIntegrationTests tries that
				"panel.security.throttle.max-failures=1000" })
class TotpIntegrationTests {

	static final String PASSWORD = TestPanel.PASSWORD;

	private static final Pattern SECRET = Pattern.compile("class=\"totp-secret\">([A-Z2-7 ]+)<");

	@LocalServerPort
	private int port;

	@Test
	void anAdminEnrolsAtTheFirstSignInThenNeedsAFreshCodeEachTime() {
		PanelBrowser browser = new PanelBrowser(port);
		assertThat(location(browser.signIn("alice", PASSWORD))).endsWith("/login/totp");
		assertThat(location(browser.get("/system/unblock"))).as("not signed in yet").endsWith("/login");

		HttpResponse<String> setup = browser.get("/login/totp");
		assertThat(setup.body()).contains("src=\"data:image/svg+xml;base64,").contains("Administrators of this panel");
		byte[] secret = secretOn(setup.body());
		long step = Totp.step(Instant.now());
		assertThat(browser.post("/login/totp", Map.of("code", wrong(secret, step))).body())
			.contains("That code is not right");
		String sessionBefore = browser.cookie("JSESSIONID").orElseThrow();
		HttpResponse<String> confirmed = browser.post("/login/totp", Map.of("code", Totp.code(secret, step)));

		assertThat(location(confirmed)).endsWith("/");
		assertThat(browser.cookie("JSESSIONID")).get().isNotEqualTo(sessionBefore);
		assertThat(browser.get("/system/unblock").statusCode()).isEqualTo(200);

		PanelBrowser again = new PanelBrowser(port);
		assertThat(location(again.signIn("alice", PASSWORD))).endsWith("/login/totp");
		assertThat(again.get("/login/totp").body()).doesNotContain("totp-qr").contains("Enter your code");
		assertThat(again.post("/login/totp", Map.of("code", Totp.code(secret, step))).statusCode())
			.as("the code that enrolled is used up")
			.isEqualTo(200);
		assertThat(location(again.post("/login/totp", Map.of("code", Totp.code(secret, step + 1))))).endsWith("/");
		assertThat(again.get("/system/unblock").statusCode()).isEqualTo(200);
	}

	@Test
	void anOperatorSignsInWithThePasswordAndMayEnrolFromTheAccountPage() {
		PanelBrowser browser = new PanelBrowser(port);
		assertThat(location(browser.signIn("noc", PASSWORD))).doesNotContain("totp");
		HttpResponse<String> setup = browser.get("/account/totp");
		byte[] secret = secretOn(setup.body());
		assertThat(browser.get("/account/totp").body()).as("the same key until it is confirmed")
			.contains(Base32.encode(secret).substring(0, 4));

		long step = Totp.step(Instant.now());
		assertThat(location(browser.post("/account/totp", Map.of("code", Totp.code(secret, step)))))
			.endsWith("/account/totp");
		assertThat(browser.get("/account/totp").body()).contains("Two-step sign-in is on");

		PanelBrowser again = new PanelBrowser(port);
		assertThat(location(again.signIn("noc", PASSWORD))).endsWith("/login/totp");
		again.get("/login/totp");
		assertThat(location(again.post("/login/totp", Map.of("code", Totp.code(secret, step + 1))))).endsWith("/");
		again.get("/account/totp");
		again.post("/account/totp/remove", Map.of("password", PASSWORD, "code", Totp.code(secret, step + 1)));
		assertThat(again.get("/account/totp").body()).as("a used code does not turn it off")
			.contains("Two-step sign-in is on");
	}

	@Test
	void fiveWrongCodesMeanThePasswordAgain() {
		PanelBrowser browser = new PanelBrowser(port);
		browser.signIn("carol", PASSWORD);
		byte[] secret = secretOn(browser.get("/login/totp").body());
		long step = Totp.step(Instant.now());
		HttpResponse<String> last = null;
		for (int i = 0; i < SecondStep.MAX_TRIES; i++) {
			last = browser.post("/login/totp", Map.of("code", wrong(secret, step)));
		}

		assertThat(location(last)).endsWith("/login?codeTries");
		assertThat(location(browser.post("/login/totp", Map.of("code", Totp.code(secret, step))))).endsWith("/login");
	}

	@Test
	void theApiServesOnlyUsersWithoutASecondFactorAndApiUsersNeverGetThePages() {
		assertThat(api("alice").statusCode()).isEqualTo(401);
		assertThat(api("alice").body()).contains("panel.security.api-users");
		assertThat(api("alice", "es").body()).as("in the request's language")
			.contains("\"title\":\"Se requiere un segundo factor\"")
			.contains("usa un usuario de panel.security.api-users");
		assertThat(api("deploy").statusCode()).as("signed in; there is no job 999").isEqualTo(404);
		assertThat(api("ops").statusCode()).as("an operator who has not enrolled").isEqualTo(404);

		PanelBrowser browser = new PanelBrowser(port);
		assertThat(location(browser.signIn("deploy", PASSWORD))).endsWith("/login?apiUser");
		assertThat(location(browser.get("/jobs"))).endsWith("/login");
	}

	private HttpResponse<String> api(String user) {
		return api(user, "en");
	}

	private HttpResponse<String> api(String user, String language) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/jobs/999"))
			.header("Accept-Language", language)
			.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.build();
		try {
			return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static byte[] secretOn(String page) {
		Matcher secret = SECRET.matcher(page);
		assertThat(secret.find()).as("the key is shown as text").isTrue();
		return Base32.decode(secret.group(1));
	}

	/** A code no step around now produces. */
	static String wrong(byte[] secret, long step) {
		for (int candidate = 0;; candidate++) {
			String code = String.format("%06d", candidate);
			if (!code.equals(Totp.code(secret, step - 1)) && !code.equals(Totp.code(secret, step))
					&& !code.equals(Totp.code(secret, step + 1))) {
				return code;
			}
		}
	}

	private static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElse("");
	}

}
