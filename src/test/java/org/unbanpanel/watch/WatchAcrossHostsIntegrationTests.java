package org.unbanpanel.watch;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.unbanpanel.hosts.TestFleet;
import org.unbanpanel.hosts.WithTestFleet;
import org.unbanpanel.testsupport.Await;
import org.unbanpanel.testsupport.PanelBrowser;
import org.unbanpanel.testsupport.PanelOnRealTools;
import org.unbanpanel.testsupport.RealTools;
import org.unbanpanel.testsupport.SshHosts;
import org.unbanpanel.testsupport.SshTestHost;
import org.unbanpanel.testsupport.TestPanel;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The watch after a release on another host of the fleet: a real sshd in front of that host's own fail2ban-server,
 * which bans the released address again; the panel sees it there, names the host, and keeps watching while the
 * host cannot be reached.
 */
@WithTestFleet(1)
@PanelOnRealTools(users = { "admin", "ADMIN" }, pam = false,
		properties = "panel.watch.every=500ms")
class WatchAcrossHostsIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(15);

	private final RealTools tools;

	private final SshTestHost far;

	WatchAcrossHostsIntegrationTests(RealTools tools, SshHosts testHosts) {
		this.tools = tools;
		this.far = testHosts.get(0);
	}

	@AfterEach
	void theHostAnswersAndHoldsNothing() {
		far.restart();
		far.fail2ban().unbanAll();
		tools.fail2ban().unbanAll();
	}

	@Test
	void seesTheNewBanOnTheHostThatReleasedTheAddressAndNamesThatHost() throws InterruptedException {
		String address = "198.51.100.27";
		tools.fail2ban().ban("dovecot", address);
		far.fail2ban().ban("sasl", address);
		PanelBrowser browser = browser();
		String jobPage = releasedEverywhere(browser, address);

		far.fail2ban().ban("sasl", address);

		JsonNode reban = awaitReban(jobPage);
		assertThat(reban.get("host").asString()).isEqualTo(TestFleet.name(0));
		assertThat(reban.get("jail").asString()).isEqualTo("sasl");
		assertThat(browser.get(jobPage).body())
			.contains(address + " was banned again in sasl on " + TestFleet.name(0) + " 0 min after its release")
			.doesNotContain("/evidence?jail=sasl");
		String lookup = browser.get("/lookup?ip=" + address).body();
		int hostPart = lookup.indexOf("id=\"host-" + TestFleet.name(0) + "\"");
		assertThat(hostPart).as("Lookup has a part for the host, after this machine's").isPositive();
		assertThat(lookup.indexOf(address + " was banned again in sasl 0 min after its release"))
			.as("under the host's own part of Lookup, and not under this machine's")
			.isGreaterThan(hostPart);
		assertThat(tools.fail2ban().bannedIn("dovecot")).as("no new ban here").doesNotContain(address);
	}

	@Test
	void keepsWatchingWhileTheHostsSshdIsStoppedAndSeesTheNewBanOnceItIsBack() throws InterruptedException {
		String address = "198.51.100.28";
		far.fail2ban().ban("dovecot", address);
		PanelBrowser browser = browser();
		String jobPage = releasedEverywhere(browser, address);

		far.stop();
		far.fail2ban().ban("dovecot", address);
		Thread.sleep(2_000);
		assertThat(tools.api("admin").getJson("/api/v1" + jobPage).get("rebans")).as("nothing seen while sshd is down")
			.isEmpty();
		assertThat(browser.get(jobPage).body()).as("the watch goes on").contains("watched for a new ban until");
		far.restart();

		assertThat(awaitReban(jobPage).get("host").asString()).isEqualTo(TestFleet.name(0));
	}

	private PanelBrowser browser() {
		PanelBrowser browser = tools.browser();
		browser.signIn("admin", TestPanel.PASSWORD);
		return browser;
	}

	/** Releases the address on every host through Unblock Access, and waits until the job says it is watched. */
	private static String releasedEverywhere(PanelBrowser browser, String address) throws InterruptedException {
		browser.get("/system/unblock");
		String jobPage = PanelBrowser.redirectPath(browser.post("/system/unblock",
				Map.of("ips", address, "accounts", "", "hosts", "local," + TestFleet.name(0))));
		assertThat(browser.awaitFinished(jobPage)).contains("unbanned from");
		Await.until("the job's page to say its addresses are watched", PATIENCE,
				() -> browser.get(jobPage).body().contains("watched for a new ban until"));
		return jobPage;
	}

	private JsonNode awaitReban(String jobPage) throws InterruptedException {
		Await.until("the job to name a new ban", PATIENCE,
				() -> !tools.api("admin").getJson("/api/v1" + jobPage).get("rebans").isEmpty());
		return tools.api("admin").getJson("/api/v1" + jobPage).get("rebans").get(0);
	}

}
