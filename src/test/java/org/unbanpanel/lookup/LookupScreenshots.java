package org.unbanpanel.lookup;

import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.unbanpanel.testsupport.PanelBrowser;
import org.unbanpanel.testsupport.PanelOnRealTools;
import org.unbanpanel.testsupport.RealTools;
import org.unbanpanel.testsupport.Screenshots;
import org.unbanpanel.testsupport.TestPanel;

/**
 * The picture of {@code /lookup} in docs/: an office address banned in two jails and a locked account, as an admin
 * sees them: {@code ./mvnw -Pscreenshots test -Dtest=LookupScreenshots}.
 */
@Tag("screenshots")
@PanelOnRealTools(users = { "alice", "ADMIN" })
class LookupScreenshots {

	private final RealTools tools;

	LookupScreenshots(RealTools tools) {
		this.tools = tools;
	}

	@Test
	void photographsALookupOfABannedAddressAndALockedAccount() {
		tools.fail2ban().ban("dovecot", "203.0.113.7");
		tools.fail2ban().ban("sasl", "203.0.113.7");
		tools.pam().lockOut();
		PanelBrowser browser = tools.browser();
		browser.signIn("alice", TestPanel.PASSWORD);
		String page = "/lookup?ip=203.0.113.7&user=" + tools.pam().user();
		Screenshots.capture(browser, page, Path.of("docs/lookup.png"), 1200, 1100);
		Screenshots.capture(browser, page, Path.of("docs/lookup-phone.png"), 390, 844);
	}

}
