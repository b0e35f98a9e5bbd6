package org.unbanpanel.trust;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unbanpanel.hosts.WithTestFleet;
import org.unbanpanel.testsupport.Await;
import org.unbanpanel.testsupport.Fail2banServer;
import org.unbanpanel.testsupport.PanelApi;
import org.unbanpanel.testsupport.PanelOnRealTools;
import org.unbanpanel.testsupport.RealTools;
import org.unbanpanel.testsupport.SshHosts;
import org.unbanpanel.testsupport.SshTestHost;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Issue 14, trusts across hosts: a whole panel with the machine it runs on ({@code local}, the real tools'
 * fail2ban-server) and one other host ({@code host-0}, a real sshd with its own private fail2ban-server reached
 * through {@code sudo -n} under the shipped sudoers rules). A release with a trust puts the address on the ignore list
 * of each host's own fail2ban, as {@code get <jail> ignoreip} there says; ending the trusts takes it off each.
 */
@WithTestFleet(1)
@PanelOnRealTools(users = { "admin", "ADMIN" }, pam = false)
class TrustAcrossHostsIntegrationTests {

	private static final String ADDRESS = "198.51.100.7";

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private final RealTools tools;

	private final SshHosts testHosts;

	@Autowired
	private TrustService trusts;

	TrustAcrossHostsIntegrationTests(RealTools tools, SshHosts testHosts) {
		this.tools = tools;
		this.testHosts = testHosts;
	}

	@AfterEach
	void noTrustIsLeftAndNothingBanned() {
		trusts.current().forEach(trust -> trusts.end(trust.id(), "admin", "127.0.0.1"));
		for (SshTestHost host : testHosts.all()) {
			host.fail2ban().unbanAll();
		}
		tools.fail2ban().unbanAll();
	}

	@Test
	void trustsTheReleasedAddressOnEachHostsOwnFail2banAndEndingTakesItOffEach() throws InterruptedException {
		tools.fail2ban().ban("sshd", ADDRESS);
		remote().ban("dovecot", ADDRESS);

		long id = release();
		Await.until("the trust of job " + id + " on both hosts", PATIENCE,
				() -> trustApplied(job(id)));

		assertThat(trusts.current()).extracting(Trust::host, Trust::address)
			.containsExactlyInAnyOrder(tuple("local", ADDRESS), tuple("host-0", ADDRESS));
		for (String jail : Fail2banServer.JAILS) {
			assertThat(tools.fail2ban().ignoredIn(jail)).as("local %s", jail).contains(ADDRESS);
			assertThat(remote().ignoredIn(jail)).as("host-0's own %s", jail).contains(ADDRESS);
		}
		assertThat(hostsOfTrusts(tools.api("admin").getJson("/api/v1/trusts"))).containsExactlyInAnyOrder("local",
				"host-0");

		trusts.current().forEach(trust -> trusts.end(trust.id(), "admin", "127.0.0.1"));

		for (String jail : Fail2banServer.JAILS) {
			assertThat(tools.fail2ban().ignoredIn(jail)).as("local %s", jail).doesNotContain(ADDRESS);
			assertThat(remote().ignoredIn(jail)).as("host-0's own %s", jail).doesNotContain(ADDRESS);
		}
	}

	private long release() {
		HttpResponse<String> answer = api().post("/api/v1/unblock",
				"{\"ips\": [\"" + ADDRESS + "\"], \"trust\": \"1h\"}");
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
		String location = answer.headers().firstValue("Location").orElseThrow();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	/** Whether the job's JSON says its trust is applied; it has none until the job has ended. */
	private static boolean trustApplied(JsonNode job) {
		JsonNode trust = job.get("trust");
		return trust != null && trust.has("applied") && trust.get("applied").asBoolean();
	}

	private JsonNode job(long id) {
		return api().getJson("/api/v1/jobs/" + id);
	}

	private static List<String> hostsOfTrusts(JsonNode answer) {
		List<String> names = new ArrayList<>();
		answer.forEach(trust -> names.add(trust.get("host").asString()));
		return names;
	}

	private PanelApi api() {
		return tools.api("admin");
	}

	private Fail2banServer remote() {
		return testHosts.get(0).fail2ban();
	}

}
