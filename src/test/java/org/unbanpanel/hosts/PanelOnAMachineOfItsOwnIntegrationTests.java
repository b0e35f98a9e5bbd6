package org.unbanpanel.hosts;

import java.net.http.HttpResponse;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationContext;
import org.unbanpanel.testsupport.PanelBrowser;
import org.unbanpanel.testsupport.PanelOnRealTools;
import org.unbanpanel.testsupport.RealTools;
import org.unbanpanel.testsupport.SshHosts;
import org.unbanpanel.testsupport.TestPanel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A panel on a machine of its own ({@code panel.local-host=false}) that runs no fail2ban: its one host is a real sshd
 * test host. With this machine's fail2ban stopped, no page shows the banner of an unreachable fail2ban, no health
 * component reports this machine's tools, and no command ever ran here.
 */
@WithTestFleet(1)
@PanelOnRealTools(users = { "admin", "ADMIN" }, pam = false, properties = "panel.local-host=false")
class PanelOnAMachineOfItsOwnIntegrationTests {

	private final RealTools tools;

	private final SshHosts testHosts;

	private final ApplicationContext context;

	PanelOnAMachineOfItsOwnIntegrationTests(RealTools tools, SshHosts testHosts, ApplicationContext context) {
		this.tools = tools;
		this.testHosts = testHosts;
		this.context = context;
	}

	@AfterEach
	void thisMachinesFail2banRunsAgain() {
		tools.fail2ban().ensureRunning();
		testHosts.get(0).fail2ban().unbanAll();
	}

	@Test
	void showsNoBannerOfThisMachinesFail2banWhichItNeverAsks() {
		tools.fail2ban().stop();
		testHosts.get(0).fail2ban().ban("sasl", "198.51.100.30");
		PanelBrowser browser = tools.browser();
		browser.signIn("admin", TestPanel.PASSWORD);

		for (String page : List.of("/system/unblock", "/lookup?ip=198.51.100.30", "/jails", "/hosts")) {
			HttpResponse<String> answer = browser.get(page);
			assertThat(answer.statusCode()).as(page).isEqualTo(200);
			assertThat(answer.body()).as(page).doesNotContain("banner error");
		}
		assertThat(browser.get("/jails").body()).contains("host-0").contains("sasl");
		assertThat(context.getBeansOfType(HealthIndicator.class)).doesNotContainKeys("fail2banHealthIndicator",
				"accountToolHealthIndicator");
		assertThat(context.getBean(MeterRegistry.class).find("panel.commands").tag("host", "local").timers())
			.as("commands run on this machine")
			.isEmpty();
	}

}
