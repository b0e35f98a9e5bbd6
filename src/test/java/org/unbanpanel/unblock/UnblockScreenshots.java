package org.unbanpanel.unblock;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.unbanpanel.testsupport.PanelBrowser;
import org.unbanpanel.testsupport.PanelOnRealTools;
import org.unbanpanel.testsupport.RealTools;
import org.unbanpanel.testsupport.Screenshots;
import org.unbanpanel.testsupport.TestPanel;

/**
 * The pictures in the README, taken from the running panel: {@code ./mvnw -Pscreenshots test -Dtest=UnblockScreenshots}
 * writes them to docs/.
 */
@Tag("screenshots")
@PanelOnRealTools(users = { "alice", "ADMIN" })
class UnblockScreenshots {

	private final RealTools tools;

	UnblockScreenshots(RealTools tools) {
		this.tools = tools;
	}

	@Test
	void unblockFormAndJobPage() throws Exception {
		tools.fail2ban().ban("dovecot", "203.0.113.7");
		tools.fail2ban().ban("sasl", "203.0.113.7");
		tools.pam().lockOut();
		PanelBrowser browser = tools.browser();
		browser.signIn("alice", TestPanel.PASSWORD);
		browser.get("/system/unblock");
		Screenshots.capture(browser, "/system/unblock", Path.of("docs/unblock.png"), 1000, 700);

		String job = PanelBrowser.redirectPath(browser.post("/system/unblock",
				Map.of("ips", "203.0.113.7, 192.0.2.200", "accounts", tools.pam().user())));
		browser.awaitFinished(job);
		Screenshots.capture(browser, job, Path.of("docs/job.png"), 1000, 620);
		Screenshots.capture(browser, job, Path.of("docs/job-phone.png"), 390, 844);
	}

}
