package org.unbanpanel.jails;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.unbanpanel.testsupport.PanelBrowser;
import org.unbanpanel.testsupport.PanelOnRealTools;
import org.unbanpanel.testsupport.RealTools;
import org.unbanpanel.testsupport.Screenshots;
import org.unbanpanel.testsupport.TestPanel;

/**
 * The pictures of {@code /jails} and {@code /jails/{name}} in docs/, as an admin sees them, at desktop and phone
 * width: {@code ./mvnw -Pscreenshots test -Dtest=JailsScreenshots}.
 */
@Tag("screenshots")
@PanelOnRealTools(users = { "admin", "ADMIN" }, pam = false)
class JailsScreenshots {

	private final RealTools tools;

	JailsScreenshots(RealTools tools) {
		this.tools = tools;
	}

	@BeforeAll
	static void banSomeAddresses(RealTools tools) {
		tools.fail2ban().ban("dovecot", "203.0.113.7", "198.51.100.23", "2001:db8:85a3::8a2e:370:7334", "192.0.2.0/24");
		tools.fail2ban().ban("sasl", "203.0.113.7", "198.51.100.42");
		tools.fail2ban().ban("mxcp", "192.0.2.77");
		tools.fail2ban().ban("sshd", "198.51.100.5", "198.51.100.6", "198.51.100.7");
		tools.fail2ban().setBanTime("ssh-ddos", "-1");
		tools.fail2ban().ban("ssh-ddos", "203.0.113.250");
	}

	@Test
	void photographsTheJailPages() {
		PanelBrowser browser = tools.browser();
		browser.signIn("admin", TestPanel.PASSWORD);
		for (String[] page : new String[][] { { "/jails", "jails" }, { "/jails/dovecot", "jail" } }) {
			Screenshots.capture(browser, page[0], Path.of("docs", page[1] + ".png"), 1200, 700);
			Screenshots.capture(browser, page[0], Path.of("docs", page[1] + "-phone.png"), 390, 844);
		}
	}

}
