package org.unbanpanel.jails;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unbanpanel.testsupport.PanelBrowser;
import org.unbanpanel.testsupport.PanelOnRealTools;
import org.unbanpanel.testsupport.RealTools;
import org.unbanpanel.testsupport.TestPanel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The jail pages against a private fail2ban-server: the ends the pages show for bans made now, with a 12 h, a 1 h and
 * a permanent ban time, and the bans a network filter keeps.
 */
@PanelOnRealTools(users = { "noc", "OPERATOR" }, pam = false)
class JailsIntegrationTests {

	private final RealTools tools;

	@Autowired
	private JailsService service;

	JailsIntegrationTests(RealTools tools) {
		this.tools = tools;
	}

	@AfterEach
	void releaseEverything() {
		tools.fail2ban().unbanAll();
	}

	@Test
	void showsBansMadeNowEndingOneBanTimeLater() {
		OffsetDateTime before = now();
		tools.fail2ban().ban("dovecot", "203.0.113.7");
		tools.fail2ban().ban("mxcp", "203.0.113.8");
		OffsetDateTime after = now();

		BanRow dovecot = service.bans("local", "dovecot", BanQuery.of("", 1, 50)).bans().get(0);
		BanRow mxcp = service.bans("local", "mxcp", BanQuery.of("", 1, 50)).bans().get(0);

		assertThat(dovecot.start()).isBetween(before, after);
		assertThat(dovecot.end()).isEqualTo(dovecot.start().plusHours(12));
		assertThat(mxcp.end()).isEqualTo(mxcp.start().plusHours(1));
		assertThat(Duration.ofSeconds(mxcp.remainingSeconds())).isBetween(Duration.ofMinutes(59), Duration.ofHours(1));
		PanelBrowser browser = signedIn();
		assertThat(browser.get("/jails/dovecot").body()).containsPattern("ends in (11 h 59 min|12 h)");
		assertThat(browser.get("/jails/mxcp").body()).containsPattern("ends in (59 min( \\d+ s)?|1 h)");
	}

	@Test
	void showsAPermanentBanAsPermanent() {
		tools.fail2ban().setBanTime("sasl", "-1");
		try {
			tools.fail2ban().ban("sasl", "203.0.113.9");

			BanRow ban = service.bans("local", "sasl", BanQuery.of("", 1, 50)).bans().get(0);

			assertThat(ban.permanent()).isTrue();
			assertThat(ban.end()).isNull();
			assertThat(ban.start()).isCloseTo(now(), within(1, ChronoUnit.MINUTES));
			String page = signedIn().get("/jails/sasl").body();
			assertThat(page).contains("203.0.113.9").contains("permanent").doesNotContain("ends in");
			assertThat(signedIn().get("/jails").body())
				.containsPattern("sasl</a></td>(\\s*<td[^>]*>\\d+</td>){4}\\s*<td[^>]*>permanent</td>");
		}
		finally {
			tools.fail2ban().setBanTime("sasl", "12h");
		}
	}

	@Test
	void keepsExactlyTheBansInsideANetwork() {
		tools.fail2ban().ban("apache", "203.0.113.7", "203.0.113.200", "203.0.114.1", "198.51.100.9", "203.0.113.0/28",
				"2001:db8::6");

		BanPage inside = service.bans("local", "apache", BanQuery.of("203.0.113.0/24", 1, 50));

		assertThat(inside.bans()).extracting(BanRow::address)
			.containsExactlyInAnyOrder("203.0.113.7", "203.0.113.200", "203.0.113.0/28");
		assertThat(inside.matching()).isEqualTo(3);
		assertThat(inside.held()).isEqualTo(6);
		assertThat(service.bans("local", "apache", BanQuery.of("2001:db8::/32", 1, 50)).bans()).extracting(BanRow::address)
			.containsExactly("2001:db8::6");
		assertThat(signedIn().get("/jails/apache?filter=203.0.113.0/24").body()).contains("3 of 6 banned addresses match")
			.contains("203.0.113.200")
			.doesNotContain("203.0.114.1")
			.doesNotContain("198.51.100.9");
	}

	@Test
	void answersAJailFail2banDoesNotRunWithA404Page() {
		assertThat(signedIn().get("/jails/nosuch").statusCode()).isEqualTo(404);
		assertThat(signedIn().get("/jails/nosuch").body()).contains("fail2ban has no jail named");
	}

	private PanelBrowser signedIn() {
		PanelBrowser browser = tools.browser();
		browser.signIn("noc", TestPanel.PASSWORD);
		return browser;
	}

	/** The time as fail2ban writes it: the server's local time, to the second. */
	private static OffsetDateTime now() {
		return LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS).atZone(ZoneId.systemDefault()).toOffsetDateTime();
	}

}
