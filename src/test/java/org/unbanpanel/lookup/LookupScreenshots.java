package org.unbanpanel.lookup;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.unbanpanel.testsupport.Fail2banServer;
import org.unbanpanel.testsupport.PamLockout;
import org.unbanpanel.testsupport.PanelBrowser;
import org.unbanpanel.testsupport.Screenshots;
import org.unbanpanel.testsupport.TestPanel;

/**
 * The picture of {@code /lookup} in docs/: an office address banned in two jails and a locked account, as an admin
 * sees them: {@code ./mvnw -Pscreenshots test -Dtest=LookupScreenshots}.
 */
@Tag("screenshots")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LookupScreenshots {

	private static Fail2banServer fail2ban;

	private static PamLockout pam;

	@LocalServerPort
	private int port;

	@BeforeAll
	static void start() {
		fail2ban = Fail2banServer.start();
		pam = PamLockout.create();
	}

	@AfterAll
	static void stop() {
		fail2ban.close();
		pam.close();
	}

	@DynamicPropertySource
	static void panel(DynamicPropertyRegistry registry) {
		TestPanel.useTools(registry, () -> fail2ban, () -> pam.tallyDir());
		TestPanel.users(registry, "alice", "ADMIN");
	}

	@Test
	void photographsALookupOfABannedAddressAndALockedAccount() {
		fail2ban.ban("dovecot", "203.0.113.7");
		fail2ban.ban("sasl", "203.0.113.7");
		pam.lockOut();
		PanelBrowser browser = new PanelBrowser(port);
		browser.signIn("alice", TestPanel.PASSWORD);
		String page = "/lookup?ip=203.0.113.7&user=" + pam.user();
		Screenshots.capture(browser, page, Path.of("docs/lookup.png"), 1200, 1100);
		Screenshots.capture(browser, page, Path.of("docs/lookup-phone.png"), 390, 844);
	}

}
