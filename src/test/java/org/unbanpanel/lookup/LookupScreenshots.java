package org.unbanpanel.lookup;

import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.unbanpanel.testsupport.PanelBrowser;
import org.unbanpanel.testsupport.RealTools;
import org.unbanpanel.testsupport.Screenshots;
import org.unbanpanel.testsupport.TestPanel;

/**
 * The picture of {@code /lookup} in docs/: an office address banned in two jails and a locked account, as an admin
 * sees them: {@code ./mvnw -Pscreenshots test -Dtest=LookupScreenshots}.
 */
@Tag("screenshots")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LookupScreenshots {

	@RegisterExtension
	static final RealTools tools = new RealTools();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void panel(DynamicPropertyRegistry registry) {
		tools.configurePanel(registry, "alice", "ADMIN");
	}

	@Test
	void photographsALookupOfABannedAddressAndALockedAccount() {
		tools.fail2ban().ban("dovecot", "203.0.113.7");
		tools.fail2ban().ban("sasl", "203.0.113.7");
		tools.pam().lockOut();
		PanelBrowser browser = new PanelBrowser(port);
		browser.signIn("alice", TestPanel.PASSWORD);
		String page = "/lookup?ip=203.0.113.7&user=" + tools.pam().user();
		Screenshots.capture(browser, page, Path.of("docs/lookup.png"), 1200, 1100);
		Screenshots.capture(browser, page, Path.of("docs/lookup-phone.png"), 390, 844);
	}

}
