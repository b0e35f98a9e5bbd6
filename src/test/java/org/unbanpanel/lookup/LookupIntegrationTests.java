package org.unbanpanel.lookup;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.unbanpanel.testsupport.Await;
import org.unbanpanel.testsupport.CountedRuns;
import org.unbanpanel.testsupport.Fail2banServer;
import org.unbanpanel.testsupport.PamLockout;
import org.unbanpanel.testsupport.PanelBrowser;
import org.unbanpanel.testsupport.PanelOnRealTools;
import org.unbanpanel.testsupport.RealTools;
import org.unbanpanel.testsupport.TestPanel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lookup over HTTP against a private fail2ban-server and a real PAM lockout: what it finds, and "Release
 * everything" with a trust, checked in fail2ban's own state.
 */
@PanelOnRealTools(users = { "alice", "ADMIN", "noc", "OPERATOR" },
		properties = "panel.fail2ban.reads.settings-fresh-for=" + LookupIntegrationTests.SETTINGS_FRESH_FOR)
@Import(CountedRuns.class)
class LookupIntegrationTests {

	/** The default, which {@link TestPanel#readsUnshared} would set to nothing. */
	static final String SETTINGS_FRESH_FOR = "5m";

	/** The last word of the settings reads Lookup's evidence makes. */
	private static final List<String> SETTINGS = List.of("logpath", "journalmatch", "findtime", "logtarget");

	/** The end of a ban as {@code get <jail> banip --with-time} prints it, to the minute. */
	private static final Pattern BAN_END = Pattern.compile("= (\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d):\\d\\d");

	private static final Pattern END_TRUST = Pattern.compile("action=\"(/trusts/\\d+/end)\"");

	private final RealTools tools;

	LookupIntegrationTests(RealTools tools) {
		this.tools = tools;
	}

	@AfterEach
	void releaseEverything() {
		tools.fail2ban().unbanAll();
	}

	@Test
	void findsAnAddressHeldByTwoJailsWithTheEndOfEachBanAndTheUsersLockRecord() {
		tools.fail2ban().ban("dovecot", "203.0.113.7", "198.51.100.9");
		tools.fail2ban().setBanTime("sasl", "-1");
		tools.fail2ban().ban("sasl", "203.0.113.7");
		tools.fail2ban().ban("sshd", "198.51.100.9");
		tools.pam().lockOut();
		try {
			PanelBrowser browser = signedIn();

			String page = browser.get("/lookup?ip=203.0.113.7&user=" + tools.pam().user()).body();

			assertThat(page).containsPattern("<td class=\"state\"[^>]*>dovecot</td>")
				.containsPattern("<td class=\"state\"[^>]*>sasl</td>")
				.doesNotContain(">sshd<")
				.doesNotContain("198.51.100.9");
			assertThat(page).contains(endOfBan("dovecot", "203.0.113.7")).contains("permanent");
			assertThat(page).contains("Account " + tools.pam().user())
				.contains("<dd class=\"state\">" + PamLockout.DENY + "</dd>")
				.contains(PamLockout.RHOST)
				.contains("Release everything");
		}
		finally {
			tools.fail2ban().setBanTime("sasl", "12h");
		}
	}

	@Test
	void releasesEverythingItFoundAndTrustsTheAddressUntilTheTrustIsEnded() throws InterruptedException {
		tools.fail2ban().ban("dovecot", "203.0.113.8");
		tools.fail2ban().ban("sasl", "203.0.113.8");
		tools.pam().lockOut();
		PanelBrowser browser = signedIn();
		browser.get("/lookup?ip=203.0.113.8&user=" + tools.pam().user());

		HttpResponse<String> posted = browser.post("/lookup/release",
				Map.of("ip", "203.0.113.8", "user", tools.pam().user(), "trust", "1h"));

		assertThat(posted.statusCode()).isEqualTo(302);
		String jobPage = posted.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
		assertThat(jobPage).matches("/jobs/\\d+");
		Await.until("the released address to be trusted in every jail", Duration.ofSeconds(30),
				() -> Fail2banServer.JAILS.stream().allMatch(jail -> tools.fail2ban().ignoredIn(jail).contains("203.0.113.8")));
		assertThat(List.of("dovecot", "sasl")).allSatisfy(jail -> assertThat(tools.fail2ban().bannedIn(jail)).isEmpty());
		assertThat(tools.pam().authenticate(tools.pam().password())).as("the account authenticates again").isTrue();
		assertThat(browser.get(jobPage).body()).contains("unbanned from dovecot, sasl")
			.contains("ignores the released addresses for 1 h");

		String trusts = browser.get("/trusts").body();
		assertThat(trusts).contains("203.0.113.8").contains("alice from");
		Matcher endButton = END_TRUST.matcher(trusts);
		assertThat(endButton.find()).isTrue();
		assertThat(browser.post(endButton.group(1), Map.of()).statusCode()).isEqualTo(302);
		assertThat(Fail2banServer.JAILS).allSatisfy(jail -> assertThat(tools.fail2ban().ignoredIn(jail)).isEmpty());
	}

	/**
	 * Issue 9: after a release of the address, Lookup said "Not banned in any jail. Nothing to release" while the
	 * network around it still blocked it in sshd.
	 */
	@Test
	void showsTheNetworkThatStillBlocksAnAddressAfterItsOwnBansAreReleased() throws InterruptedException {
		tools.fail2ban().ban("sshd", "198.51.100.0/24");
		tools.fail2ban().ban("dovecot", "198.51.100.7");
		PanelBrowser browser = signedIn();
		browser.get("/lookup?ip=198.51.100.7");
		String jobPage = PanelBrowser.redirectPath(browser.post("/lookup/release", Map.of("ip", "198.51.100.7")));
		assertThat(browser.awaitFinished(jobPage)).contains("partly unbanned: released from dovecot")
			.contains("still blocked by the banned network 198.51.100.0/24 in sshd");

		String page = browser.get("/lookup?ip=198.51.100.7").body();

		assertThat(page).contains("<td class=\"value\" data-label=\"Banned\">198.51.100.0/24</td>")
			.contains("a banned network that contains it")
			.contains(endOfBan("sshd", "198.51.100.0/24"))
			.doesNotContain("Not banned in any jail")
			.doesNotContain("Nothing to release");
	}

	/** Issue 9: while fail2ban was down, Lookup said "Nothing to release"; that is unknown, not true. */
	@Test
	void claimsNothingAboutBansWhileFail2banIsDown() {
		tools.fail2ban().ban("dovecot", "198.51.100.8");
		tools.fail2ban().stop();
		try {
			String page = signedIn().get("/lookup?ip=198.51.100.8").body();

			assertThat(page).contains("fail2ban could not be asked")
				.doesNotContain("Not banned in any jail")
				.doesNotContain("Nothing to release")
				.doesNotContain("Release everything");
		}
		finally {
			tools.fail2ban().ensureRunning();
		}
	}

	/** Settings change only on a fail2ban reload: Lookups of a banned address share one read of each jail's. */
	@Test
	void tenLookupsOfABannedAddressReadEachOfItsJailsSettingsOnce() {
		tools.fail2ban().ban("apache", "203.0.113.40");
		tools.fail2ban().ban("mxcp", "203.0.113.40");
		PanelBrowser browser = signedIn();
		CountedRuns.runs().takeCount();

		for (int i = 0; i < 10; i++) {
			assertThat(browser.get("/lookup?ip=203.0.113.40").body()).as("Lookup %d", i)
				.contains("Why banned in apache")
				.contains("Why banned in mxcp");
		}

		List<List<String>> settingsReads = CountedRuns.runs()
			.takeCommands()
			.stream()
			.filter(command -> SETTINGS.contains(command.get(command.size() - 1)))
			.map(command -> command.subList(command.indexOf("get") + 1, command.size()))
			.toList();
		assertThat(settingsReads).as("settings read by ten Lookups")
			.containsOnlyOnce(List.of("apache", "logpath"), List.of("apache", "findtime"), List.of("mxcp", "logpath"),
					List.of("mxcp", "findtime"))
			.doesNotHaveDuplicates();
	}

	private PanelBrowser signedIn() {
		PanelBrowser browser = tools.browser();
		browser.signIn("alice", TestPanel.PASSWORD);
		return browser;
	}

	private String endOfBan(String jail, String address) {
		String line = tools.fail2ban().client(List.of("get", jail, "banip", "--with-time"))
			.lines()
			.filter(ban -> ban.startsWith(address + " "))
			.findFirst()
			.orElseThrow();
		Matcher end = BAN_END.matcher(line);
		assertThat(end.find()).as(line).isTrue();
		return end.group(1);
	}

}
