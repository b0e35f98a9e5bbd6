package org.unbanpanel.security.totp;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.unbanpanel.audit.AuditEvent;
import org.unbanpanel.audit.AuditTrail;
import org.unbanpanel.testsupport.AuthLog;
import org.unbanpanel.testsupport.PanelBrowser;
import org.unbanpanel.testsupport.PanelWithoutTools;
import org.unbanpanel.testsupport.TestPanel;
import org.unbanpanel.testsupport.Throttled;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unbanpanel.testsupport.PanelBrowser.awaitAll;
import static org.unbanpanel.testsupport.PanelBrowser.locationPath;
import static org.unbanpanel.testsupport.Throttled.LIMIT;

/**
 * Issue 15 items 3 and 5: a second factor must not be guessed, neither by many codes at once in one pending sign-in
 * nor by turning it off ({@code POST /account/totp/remove}), which also takes the password again. Every code check
 * shares the sign-in's limit and writes one auth-log line per wrong code.
 */
@PanelWithoutTools(users = { "ivan", "OPERATOR", "judy", "OPERATOR", "noc", "OPERATOR", "ops", "OPERATOR" },
		behindTestProxy = true)
class CodeGuessingIntegrationTests {

	static final AuthLog authLog = new AuthLog();

	static final String STILL_ON = "Two-step sign-in is on";

	@LocalServerPort
	private int port;

	@Autowired
	private AuditTrail audit;

	@DynamicPropertySource
	static void authLog(DynamicPropertyRegistry registry) {
		authLog.configurePanel(registry);
	}

	@Test
	void checksAtMostTheLimitOf150SimultaneousWrongCodesInOnePendingSignIn() {
		Enrolled ivan = enrol("ivan", "203.0.113.20");
		PanelBrowser browser = pendingSignIn("ivan", "203.0.113.21");

		List<HttpResponse<String>> answers = awaitAll(IntStream.range(0, 150)
			.mapToObj(i -> browser.postAsync("/login/totp", Map.of("code", ivan.wrongCode()))));

		assertThat(answers).filteredOn(CodeGuessingIntegrationTests::codeChecked).as("codes checked")
			.hasSizeBetween(1, LIMIT);
	}

	/** The code step has no limit of its own: its wrong codes count against the name wherever they come from. */
	@Test
	void checksAtMostTheLimitOf150SimultaneousWrongCodesInThreePendingSignInsFromThreeAddresses() {
		Enrolled judy = enrol("judy", "203.0.113.24");
		List<PanelBrowser> browsers = List.of(pendingSignIn("judy", "203.0.113.25"),
				pendingSignIn("judy", "203.0.113.26"), pendingSignIn("judy", "203.0.113.27"));

		List<HttpResponse<String>> answers = awaitAll(IntStream.range(0, 150)
			.mapToObj(i -> browsers.get(i % 3).postAsync("/login/totp", Map.of("code", judy.wrongCode()))));

		assertThat(answers).filteredOn(CodeGuessingIntegrationTests::codeChecked).as("codes checked")
			.hasSizeBetween(1, LIMIT);
	}

	@Test
	void turningTheSecondFactorOffCountsEveryWrongCodeAndRefusesPastTheLimit() {
		Enrolled noc = enrol("noc", "203.0.113.22");
		for (int attempt = 1; attempt <= LIMIT; attempt++) {
			noc.browser().post("/account/totp/remove", Map.of("password", TestPanel.PASSWORD, "code", noc.wrongCode()));
			assertThat(noc.browser().get("/account/totp").body()).contains(STILL_ON);
		}

		HttpResponse<String> right = noc.browser()
			.post("/account/totp/remove", Map.of("password", TestPanel.PASSWORD, "code", noc.nextCode()));

		Throttled.assertRefusedAtOnce(right);
		assertThat(noc.browser().get("/account/totp").body()).contains(STILL_ON);
		assertThat(authLog.lines("noc", "203.0.113.22")).as("a line for each wrong code and for the refusal")
			.hasSize(LIMIT + 1);
	}

	@Test
	void turningTheSecondFactorOffTakesThePasswordAgainAndIsAudited() {
		Enrolled ops = enrol("ops", "203.0.113.23");

		ops.browser().post("/account/totp/remove", Map.of("code", ops.nextCode()));
		assertThat(ops.browser().get("/account/totp").body()).as("a right code alone").contains(STILL_ON);
		ops.browser().post("/account/totp/remove", Map.of("password", "wrong", "code", ops.nextCode()));
		assertThat(ops.browser().get("/account/totp").body()).as("with a wrong password").contains(STILL_ON);
		assertThat(authLog.lines("ops", "203.0.113.23")).hasSize(2);

		ops.browser().post("/account/totp/remove", Map.of("password", TestPanel.PASSWORD, "code", ops.nextCode()));
		assertThat(ops.browser().get("/account/totp").body()).doesNotContain(STILL_ON).contains("totp-qr");
		assertThat(audit.recent(500)).filteredOn(event -> event.username().equals("ops"))
			.extracting(event -> event.action().name())
			.containsSubsequence("TOTP_REMOVED", "WRONG_PASSWORD", "WRONG_PASSWORD", "TOTP_ENROLLED");
		assertThat(audit.recent(500)).filteredOn(event -> event.username().equals("ops"))
			.filteredOn(event -> event.action().name().startsWith("TOTP_"))
			.extracting(AuditEvent::clientAddress)
			.containsOnly("203.0.113.23");
	}

	/** A signed-in user who has just turned on the second factor; {@link #nextCode} is one it has not used yet. */
	record Enrolled(PanelBrowser browser, byte[] secret, long step) {

		String nextCode() {
			return Totp.code(secret, step + 1);
		}

		String wrongCode() {
			return TotpIntegrationTests.wrong(secret, step);
		}

	}

	private Enrolled enrol(String username, String address) {
		PanelBrowser browser = new PanelBrowser(port).withHeader("X-Forwarded-For", address);
		assertThat(locationPath(browser.signIn(username, TestPanel.PASSWORD))).doesNotContain("totp");
		byte[] secret = TotpIntegrationTests.secretOn(browser.get("/account/totp").body());
		long step = Totp.step(Instant.now());
		browser.post("/account/totp", Map.of("code", Totp.code(secret, step)));
		assertThat(browser.get("/account/totp").body()).contains(STILL_ON);
		return new Enrolled(browser, secret, step);
	}

	private PanelBrowser pendingSignIn(String username, String address) {
		PanelBrowser browser = new PanelBrowser(port).withHeader("X-Forwarded-For", address);
		assertThat(locationPath(browser.signIn(username, TestPanel.PASSWORD))).endsWith("/login/totp");
		browser.get("/login/totp");
		return browser;
	}

	private static boolean codeChecked(HttpResponse<String> answer) {
		return answer.body().contains("That code is not right") || locationPath(answer).endsWith("/login?codeTries");
	}

}
