package org.unbanpanel.unblock;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.unbanpanel.testsupport.Fail2banServer;
import org.unbanpanel.testsupport.PamLockout;
import org.unbanpanel.testsupport.PanelApplication;
import org.unbanpanel.testsupport.PanelBrowser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole Unblock Access flow over HTTP against a private fail2ban-server and a real PAM lockout: sign in, post
 * the form, follow to the job page, and check fail2ban's own state and that the account authenticates again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UnblockFlowIntegrationTests {

	static final String PASSWORD = "correct horse battery staple";

	private static Fail2banServer fail2ban;

	private static PamLockout pam;

	@LocalServerPort
	private int port;

	@BeforeAll
	static void startFail2banAndPam() {
		fail2ban = Fail2banServer.start();
		pam = PamLockout.create();
	}

	@AfterAll
	static void stopFail2banAndPam() {
		if (fail2ban != null) {
			fail2ban.close();
		}
		if (pam != null) {
			pam.close();
		}
	}

	@DynamicPropertySource
	static void panel(DynamicPropertyRegistry registry) {
		PanelApplication.settings(registry, () -> fail2ban, () -> pam, PASSWORD);
	}

	@Test
	void releasesTheOfficeAddressFromEveryJailAndTheLockedAccountThroughTheForm() throws Exception {
		fail2ban.ban("dovecot", "203.0.113.7", "198.51.100.9");
		fail2ban.ban("sasl", "203.0.113.7");
		pam.lockOut();
		assertThat(pam.authenticate(pam.password())).as("locked out before the form is posted").isFalse();
		PanelBrowser browser = new PanelBrowser(port);
		assertThat(browser.signIn("alice", PASSWORD).headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(location).doesNotContain("error"));

		browser.get("/system/unblock");
		HttpResponse<String> posted = browser.post("/system/unblock",
				Map.of("ips", "203.0.113.7, 192.0.2.200", "accounts", pam.user()));

		assertThat(posted.statusCode()).isEqualTo(302);
		String jobPage = posted.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
		assertThat(jobPage).matches("/jobs/\\d+");
		String page = awaitFinished(browser, jobPage);
		assertThat(page).contains("203.0.113.7").contains("unbanned from dovecot, sasl");
		assertThat(page).contains("192.0.2.200").contains("was not banned in any jail");
		for (String jail : Fail2banServer.JAILS) {
			assertThat(fail2ban.bannedIn(jail)).doesNotContain("203.0.113.7");
		}
		assertThat(fail2ban.bannedIn("dovecot")).containsExactly("198.51.100.9");
		assertThat(page).contains(pam.user()).contains(PamLockout.DENY + " failed logins cleared");
		assertThat(pam.authenticate(pam.password())).as("the account authenticates again").isTrue();
	}

	@Test
	void keepsTheValuesAndNamesTheBadOneWithoutQueuing() {
		fail2ban.ban("sshd", "203.0.113.8");
		PanelBrowser browser = new PanelBrowser(port);
		browser.signIn("alice", PASSWORD);
		browser.get("/system/unblock");

		HttpResponse<String> posted = browser.post("/system/unblock",
				Map.of("ips", "203.0.113.8, 192.168.010.1", "accounts", ""));

		assertThat(posted.statusCode()).isEqualTo(200);
		assertThat(posted.body()).contains("192.168.010.1").contains("leading zero").contains("203.0.113.8, 192.168.010.1");
		assertThat(fail2ban.bannedIn("sshd")).contains("203.0.113.8");
	}

	@Test
	void refusesAnOperatorAndAFormWithoutToken() {
		fail2ban.ban("apache", "203.0.113.9");
		PanelBrowser operator = new PanelBrowser(port);
		operator.signIn("noc", PASSWORD);
		operator.get("/system/unblock");
		assertThat(operator.post("/system/unblock", Map.of("ips", "203.0.113.9")).statusCode()).isEqualTo(403);

		PanelBrowser admin = new PanelBrowser(port);
		admin.signIn("alice", PASSWORD);
		assertThat(admin.postWithoutToken("/system/unblock", Map.of("ips", "203.0.113.9")).statusCode())
			.isEqualTo(403);

		assertThat(fail2ban.bannedIn("apache")).contains("203.0.113.9");
	}

	static String awaitFinished(PanelBrowser browser, String jobPage) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (true) {
			String page = browser.get(jobPage).body();
			if (!page.contains("http-equiv=\"refresh\"") || System.nanoTime() > deadline) {
				return page;
			}
			Thread.sleep(50);
		}
	}

}
