package org.unbanpanel.jails;

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
import org.unbanpanel.testsupport.PanelBrowser;
import org.unbanpanel.testsupport.Screenshots;
import org.unbanpanel.testsupport.TestPanel;

/**
 * The pictures of {@code /jails} and {@code /jails/{name}} in docs/, as an admin sees them, at desktop and phone
 * width: {@code ./mvnw -Pscreenshots test -Dtest=JailsScreenshots}.
 */
@Tag("screenshots")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JailsScreenshots {

	private static Fail2banServer fail2ban;

	@LocalServerPort
	private int port;

	@BeforeAll
	static void startFail2banWithSomeBans() {
		fail2ban = Fail2banServer.start();
		fail2ban.ban("dovecot", "203.0.113.7", "198.51.100.23", "2001:db8:85a3::8a2e:370:7334", "192.0.2.0/24");
		fail2ban.ban("sasl", "203.0.113.7", "198.51.100.42");
		fail2ban.ban("mxcp", "192.0.2.77");
		fail2ban.ban("sshd", "198.51.100.5", "198.51.100.6", "198.51.100.7");
		fail2ban.setBanTime("ssh-ddos", "-1");
		fail2ban.ban("ssh-ddos", "203.0.113.250");
	}

	@AfterAll
	static void stopFail2ban() {
		if (fail2ban != null) {
			fail2ban.close();
		}
	}

	@DynamicPropertySource
	static void panel(DynamicPropertyRegistry registry) {
		TestPanel.useFail2ban(registry, () -> fail2ban);
		TestPanel.users(registry, "admin", "ADMIN");
	}

	@Test
	void photographsTheJailPages() {
		PanelBrowser browser = new PanelBrowser(port);
		browser.signIn("admin", TestPanel.PASSWORD);
		for (String[] page : new String[][] { { "/jails", "jails" }, { "/jails/dovecot", "jail" } }) {
			Screenshots.capture(browser, page[0], Path.of("docs", page[1] + ".png"), 1200, 700);
			Screenshots.capture(browser, page[0], Path.of("docs", page[1] + "-phone.png"), 390, 844);
		}
	}

}
