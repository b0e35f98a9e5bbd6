package org.unbanpanel.lookup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.unbanpanel.hosts.WithTestFleet;
import org.unbanpanel.testsupport.Fail2banServer;
import org.unbanpanel.testsupport.PanelBrowser;
import org.unbanpanel.testsupport.PanelOnRealTools;
import org.unbanpanel.testsupport.RealTools;
import org.unbanpanel.testsupport.SshHosts;
import org.unbanpanel.testsupport.SshTestHost;
import org.unbanpanel.testsupport.TestPanel;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unbanpanel.testsupport.PanelBrowser.hostSection;

/**
 * Lookup and the jails pages of a whole panel with three hosts: the machine it runs on ({@code local}, the real tools'
 * fail2ban-server) and two others ({@code host-0}, {@code host-1}), each a real sshd with its own private
 * fail2ban-server reached through {@code sudo -n} under the shipped sudoers rules. Each host answers with its own bans
 * and jails; a host whose sshd is stopped reads as unreachable, with the reason, within the command timeout, while the
 * others answer.
 */
@WithTestFleet(2)
@PanelOnRealTools(users = { "noc", "OPERATOR" }, pam = false,
		properties = "panel.commands.timeout=" + LookupAcrossHostsIntegrationTests.TIMEOUT_SECONDS + "s")
class LookupAcrossHostsIntegrationTests {

	static final int TIMEOUT_SECONDS = 5;

	private static final String ADDRESS = "198.51.100.7";

	private final RealTools tools;

	private final SshHosts testHosts;

	LookupAcrossHostsIntegrationTests(RealTools tools, SshHosts testHosts) {
		this.tools = tools;
		this.testHosts = testHosts;
	}

	@AfterEach
	void everyHostAnswersAndHoldsNothing() {
		for (SshTestHost host : testHosts.all()) {
			host.restart();
			host.fail2ban().unbanAll();
		}
		tools.fail2ban().unbanAll();
	}

	@Test
	void showsTheBansOfAnAddressBannedOnTwoHostsInDifferentJailsUnderEachHost() {
		fail2ban(0).ban("dovecot", ADDRESS);
		fail2ban(1).ban("sasl", ADDRESS);

		JsonNode lookup = tools.api("noc").getJson("/api/v1/lookup?ip=" + ADDRESS);
		String page = browser().get("/lookup?ip=" + ADDRESS).body();

		assertThat(hostNames(lookup)).containsExactly("local", "host-0", "host-1");
		assertThat(jails(lookup.get("hosts").get(0))).isEmpty();
		assertThat(jails(lookup.get("hosts").get(1))).containsExactly("dovecot");
		assertThat(jails(lookup.get("hosts").get(2))).containsExactly("sasl");
		assertThat(lookup.get("hosts").get(1).get("unreachable").isNull()).isTrue();
		assertThat(hostSection(page, "host-0")).contains("Host host-0").contains("dovecot").doesNotContain("sasl")
			.contains("What led to these bans is in the logs of host-0");
		assertThat(hostSection(page, "host-1")).contains("Host host-1").contains("sasl").doesNotContain("dovecot");
	}

	@Test
	void aHostWhoseSshdIsStoppedReadsAsUnreachableWithinTheTimeoutWhileTheOtherAnswers() {
		fail2ban(0).ban("dovecot", ADDRESS);
		fail2ban(1).ban("sasl", ADDRESS);
		testHosts.get(1).stop();

		long started = System.nanoTime();
		JsonNode lookup = tools.api("noc").getJson("/api/v1/lookup?ip=" + ADDRESS);
		Duration took = Duration.ofNanos(System.nanoTime() - started);

		assertThat(took).as("one lookup, however the stopped host fails")
			.isLessThan(Duration.ofSeconds(TIMEOUT_SECONDS * 2));
		assertThat(jails(lookup.get("hosts").get(1))).containsExactly("dovecot");
		JsonNode stopped = lookup.get("hosts").get(2);
		assertThat(stopped.get("host").asString()).isEqualTo("host-1");
		assertThat(stopped.get("unreachable").asString()).startsWith("cannot reach host-1");
		assertThat(stopped.get("bans").isNull()).isTrue();
		assertThat(fail2ban(1).bannedIn("sasl")).as("host-1's own fail2ban still holds it").contains(ADDRESS);
		assertThat(hostSection(browser().get("/lookup?ip=" + ADDRESS).body(), "host-1"))
			.contains("This host cannot be asked: cannot reach host-1");
	}

	@Test
	void theJailsPageShowsEachHostsJailsAndAStoppedHostWithTheReason() {
		fail2ban(0).ban("dovecot", ADDRESS);
		PanelBrowser browser = browser();

		String jails = browser.get("/jails").body();
		String hostZerosDovecot = browser.get("/jails/dovecot?host=host-0").body();
		String localDovecot = browser.get("/jails/dovecot").body();
		testHosts.get(1).stop();
		String withOneStopped = browser.get("/jails").body();

		for (String host : List.of("local", "host-0", "host-1")) {
			String link = "href=\"/jails/sshd" + (host.equals("local") ? "\"" : "?host=" + host + "\"");
			assertThat(hostSection(jails, host)).contains(link);
		}
		assertThat(hostZerosDovecot).contains("Jail dovecot on host-0").contains(ADDRESS);
		assertThat(localDovecot).doesNotContain(ADDRESS);
		assertThat(hostSection(withOneStopped, "host-1")).contains("The jails cannot be read: cannot reach host-1");
		assertThat(hostSection(withOneStopped, "host-0")).contains("href=\"/jails/sshd?host=host-0\"");
		assertThat(browser.get("/jails/dovecot?host=nosuch").statusCode()).isEqualTo(404);
	}

	private PanelBrowser browser() {
		PanelBrowser browser = tools.browser();
		browser.signIn("noc", TestPanel.PASSWORD);
		return browser;
	}

	private Fail2banServer fail2ban(int index) {
		return testHosts.get(index).fail2ban();
	}

	private static List<String> hostNames(JsonNode lookup) {
		List<String> names = new ArrayList<>();
		lookup.get("hosts").forEach(host -> names.add(host.get("host").asString()));
		return names;
	}

	private static List<String> jails(JsonNode host) {
		List<String> jails = new ArrayList<>();
		host.get("bans").forEach(ban -> jails.add(ban.get("jail").asString()));
		return jails;
	}

}
