package org.unbanpanel.jails;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.unbanpanel.testsupport.PanelBrowser;
import org.unbanpanel.testsupport.PanelOnRealTools;
import org.unbanpanel.testsupport.RealTools;
import org.unbanpanel.testsupport.TestPanel;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Entries fail2ban 1.0.2 really holds after {@code set <jail> banip} with hostile strings (newlines, other control
 * characters, a line that looks like a whole ban), read by the panel over HTTP: the jail's page and its API show them
 * as unreadable entries, escaped, the other bans as they are, and never a ban fail2ban does not hold; Lookup of
 * another address in the jail still finds its ban.
 */
@PanelOnRealTools(users = { "noc", "OPERATOR" }, pam = false)
class HostileBanEntriesIntegrationTests {

	/** Prints as a permanent ban of 9.9.9.9 and a ban of 8.8.8.8 in {@code get sasl banip --with-time}. */
	static final String TWO_LINES = "9.9.9.9 \t2026-01-01 00:00:00 + -1 = 9999-12-31 23:59:59\n8.8.8.8";

	private final RealTools tools;

	HostileBanEntriesIntegrationTests(RealTools tools) {
		this.tools = tools;
	}

	@AfterEach
	void releaseEverything() {
		tools.fail2ban().unbanAll();
	}

	@Test
	void showsAnEntryWithANewlineAsUnreadableAndEveryOtherBanOfTheJail() {
		tools.fail2ban().ban("sasl", "203.0.113.7", "x\ny", "203.0.113.8");

		String page = signedIn().get("/jails/sasl").body();

		assertThat(page).doesNotContain("cannot be read:")
			.contains(">203.0.113.7</label>")
			.contains(">203.0.113.8</label>")
			.contains("2 banned addresses")
			.contains("1 entry of this jail cannot be read exactly")
			.contains("<code class=\"value\">x\\u000ay</code>");
		JsonNode api = tools.api("noc").getJson("/api/v1/jails/sasl");
		assertThat(addresses(api)).containsExactlyInAnyOrder("203.0.113.7", "203.0.113.8");
		assertThat(api.get("unreadable").toString()).isEqualTo("[\"x\\\\u000ay\"]");
		assertThat(api.get("unreadableCount").asInt()).isEqualTo(1);
	}

	@Test
	void makesNoBanOutOfAnEntryThatPrintsLikeTwoBans() {
		tools.fail2ban().ban("sasl", TWO_LINES, "203.0.113.9");

		JsonNode api = tools.api("noc").getJson("/api/v1/jails/sasl");

		assertThat(addresses(api)).containsExactly("203.0.113.9");
		assertThat(api.get("unreadable").get(0).asString()).startsWith("9.9.9.9 \\u0009");
		String page = signedIn().get("/jails/sasl").body();
		assertThat(page).contains(">203.0.113.9</label>").doesNotContain(">9.9.9.9</label>").doesNotContain(">8.8.8.8</label>")
			.doesNotContain("permanent");
		assertThat(signedIn().get("/lookup?ip=8.8.8.8").body()).contains("Not banned in any jail.");
		assertThat(signedIn().get("/lookup?ip=9.9.9.9").body()).contains("Not banned in any jail.");
	}

	@Test
	void looksUpAnotherAddressOfAJailHoldingAnUnreadableEntry() {
		tools.fail2ban().ban("sasl", "x\ny", "203.0.113.10");

		String lookup = signedIn().get("/lookup?ip=203.0.113.10").body();

		assertThat(lookup).contains("data-label=\"Jail\">sasl</td>").doesNotContain("could not be asked");
		assertThat(tools.api("noc").getJson("/api/v1/lookup?ip=203.0.113.10").get("hosts").get(0).get("bans").get(0).get("jail").asString())
			.isEqualTo("sasl");
	}

	@Test
	void showsEntriesWithControlCharactersEscapedAndReadableEntriesAsBans() {
		List<String> hostile = List.of("esc\u001b[31m", "cr\rx", "tab\tx", "bell\u0007", "\u202e1.2.3.4", " 5.5.5.5",
				"z\n   |- Currently banned:\t999");
		tools.fail2ban().ban("sasl", hostile.toArray(String[]::new));
		tools.fail2ban().ban("sasl", "203.0.113.11", "ünï", "it's");

		JsonNode api = tools.api("noc").getJson("/api/v1/jails/sasl");

		assertThat(addresses(api)).containsExactlyInAnyOrder("203.0.113.11", "ünï", "it's");
		assertThat(api.get("unreadableCount").asInt()).isEqualTo(hostile.size());
		assertThat(api.get("unreadable").toString()).contains("esc\\\\u001b[31m", "cr\\\\u000dx", "tab\\\\u0009x",
				"bell\\\\u0007", "\\\\u202e1.2.3.4", " 5.5.5.5");
		assertThat(signedIn().get("/jails/sasl").body()).contains("7 entries of this jail cannot be read exactly")
			.contains("it&#39;s")
			.doesNotContain("\u001b")
			.doesNotContain("\u202e");
		assertThat(tools.api("noc").getJson("/api/v1/jails").toString()).contains("\"currentlyBanned\":10");
	}

	private PanelBrowser signedIn() {
		PanelBrowser browser = tools.browser();
		browser.signIn("noc", TestPanel.PASSWORD);
		return browser;
	}

	private static List<String> addresses(JsonNode page) {
		return page.get("bans").valueStream().map(ban -> ban.get("address").asString()).toList();
	}

}
