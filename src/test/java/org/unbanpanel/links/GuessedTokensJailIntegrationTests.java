package org.unbanpanel.links;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.unbanpanel.testsupport.PanelOnRealTools;
import org.unbanpanel.testsupport.RealTools;
import org.unbanpanel.testsupport.Throttled;
import org.unbanpanel.testsupport.WithRealTools;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guessing at release links gets an address throttled by the panel and banned by its own fail2ban jail: ten guessed
 * tokens in a row from one address are five "no such link" answers and five refusals (429 with {@code Retry-After}),
 * each a line of the auth log that the shipped {@code unban-panel} filter matches, so that a private fail2ban-server
 * running the shipped filter and jail bans the address. The test is the panel's trusted proxy, so it names the
 * address.
 */
@PanelOnRealTools(users = { "alice", "ADMIN" }, pam = false, fail2ban = WithRealTools.Fail2banSetUp.PANEL_JAIL,
		properties = "panel.trusted-proxies=127.0.0.1,::1")
class GuessedTokensJailIntegrationTests {

	static final String GUESSER = "203.0.113.78";

	private final RealTools tools;

	GuessedTokensJailIntegrationTests(RealTools tools) {
		this.tools = tools;
	}

	@Test
	void tenGuessedTokensGetTheAddressThrottledAndBannedByThePanelsJail() {
		for (int guess = 1; guess <= Throttled.LIMIT; guess++) {
			HttpResponse<String> answer = guess(guess);
			assertThat(answer.statusCode()).isEqualTo(404);
			assertThat(answer.body()).contains("This link is not valid.");
		}
		for (int guess = Throttled.LIMIT + 1; guess <= 10; guess++) {
			HttpResponse<String> answer = guess(guess);
			Throttled.assertRefusedAtOnce(answer);
			assertThat(answer.body()).contains("Too many wrong links came from your address.");
		}

		assertThat(tools.authLogLines()).hasSize(10)
			.allSatisfy(line -> assertThat(line).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d{4} "
					+ "unban-panel: authentication failure for user=release-link from=" + GUESSER));
		assertThat(tools.fail2ban().awaitBanned(RealTools.PANEL_JAIL)).containsExactly(GUESSER);
	}

	/** A well-formed token that no link has: 22 base64url characters. */
	private HttpResponse<String> guess(int number) {
		String token = "guessedToken" + "%010d".formatted(number);
		return tools.browser().withHeader("X-Forwarded-For", GUESSER).get(ReleasePageController.PATH + token);
	}

}
