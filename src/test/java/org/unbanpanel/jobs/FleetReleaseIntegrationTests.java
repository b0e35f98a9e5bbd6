package org.unbanpanel.jobs;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.unbanpanel.hosts.WithTestFleet;
import org.unbanpanel.testsupport.Await;
import org.unbanpanel.testsupport.CountedRuns;
import org.unbanpanel.testsupport.Fail2banServer;
import org.unbanpanel.testsupport.PanelApi;
import org.unbanpanel.testsupport.PanelBrowser;
import org.unbanpanel.testsupport.PanelOnRealTools;
import org.unbanpanel.testsupport.RealTools;
import org.unbanpanel.testsupport.SshHosts;
import org.unbanpanel.testsupport.SshTestHost;
import org.unbanpanel.testsupport.TestPanel;
import org.assertj.core.groups.Tuple;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Issue 14, the first "Done when": a whole panel with three hosts, the machine it runs on ({@code local}, the real
 * tools' fail2ban-server) and two others ({@code host-0}, {@code host-1}), each a real sshd with its own private
 * fail2ban-server reached through {@code sudo -n} under the shipped sudoers rules. An address banned on all three in
 * different jails is released everywhere through the API, which each host's own fail2ban confirms; with one host's
 * sshd stopped, the other two finish, the job (its JSON and its page) shows that host waiting with the reason, and it
 * completes once sshd is back. The release costs each host's fail2ban-client two runs where the address is held (the
 * read, the unban) and one where it is not (the watch after a release is left out: it looks only every hour here).
 */
@WithTestFleet(2)
@PanelOnRealTools(users = { "admin", "ADMIN" }, pam = false,
		properties = { "panel.jobs.retry-initial=200ms", "panel.jobs.retry-max-interval=500ms",
				"panel.watch.every=1h" })
@Import(CountedRuns.class)
class FleetReleaseIntegrationTests {

	private static final String ADDRESS = "198.51.100.7";

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private final RealTools tools;

	private final SshHosts testHosts;

	FleetReleaseIntegrationTests(RealTools tools, SshHosts testHosts) {
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
	void releasesAnAddressHeldOnThreeHostsInDifferentJailsAndEachHostsOwnFail2banHoldsItNoMore()
			throws InterruptedException {
		tools.fail2ban().ban("sshd", ADDRESS);
		fail2ban(0).ban("dovecot", ADDRESS);
		fail2ban(1).ban("sasl", ADDRESS);
		fail2ban(1).ban("apache", ADDRESS);

		JsonNode job = await(release(), finished -> finished.get("state").asString().equals("DONE"));

		assertThat(lines(job)).containsExactly(tuple("local", "UNBANNED", List.of("sshd")),
				tuple("host-0", "UNBANNED", List.of("dovecot")), tuple("host-1", "UNBANNED", List.of("apache", "sasl")));
		for (Fail2banServer fail2ban : List.of(tools.fail2ban(), fail2ban(0), fail2ban(1))) {
			for (String jail : Fail2banServer.JAILS) {
				assertThat(fail2ban.bannedIn(jail)).as(jail).doesNotContain(ADDRESS);
			}
		}
	}

	@Test
	void releasingCostsTwoRunsOnAHostHoldingTheAddressAndOneOnAHostHoldingNothing() throws InterruptedException {
		tools.fail2ban().ban("sshd", ADDRESS);
		fail2ban(0).ban("dovecot", ADDRESS);
		fail2ban(0).ban("sasl", ADDRESS);
		List.of("local", "host-0", "host-1").forEach(FleetReleaseIntegrationTests::releaseRuns);

		JsonNode job = await(release(), finished -> finished.get("state").asString().equals("DONE"));

		assertThat(lines(job)).containsExactly(tuple("local", "UNBANNED", List.of("sshd")),
				tuple("host-0", "UNBANNED", List.of("dovecot", "sasl")), tuple("host-1", "NOT_BANNED", List.of()));
		assertThat(releaseRuns("local")).containsExactly(List.of("banned"), List.of("unban", ADDRESS));
		assertThat(releaseRuns("host-0")).as("fail2ban counted 2 removed, as the read said: no second read")
			.containsExactly(List.of("banned"), List.of("unban", ADDRESS));
		assertThat(releaseRuns("host-1")).as("nothing held: settled from the one read").containsExactly(List.of("banned"));
		assertThat(fail2ban(0).bannedIn("sasl")).doesNotContain(ADDRESS);
	}

	@Test
	void aHostWhoseSshdIsStoppedWaitsWhileTheOthersFinishAndCompletesOnceSshdIsBack() throws InterruptedException {
		tools.fail2ban().ban("sshd", ADDRESS);
		fail2ban(0).ban("dovecot", ADDRESS);
		fail2ban(1).ban("mxcp", ADDRESS);
		testHosts.get(1).stop();

		long id = release();
		JsonNode waiting = await(id, job -> job.get("state").asString().equals("QUEUED") && job.get("attempts").asInt() > 0
				&& !job.get("items").get(0).get("state").asString().equals("PENDING"));

		assertThat(lines(waiting)).containsExactly(tuple("local", "UNBANNED", List.of("sshd")),
				tuple("host-0", "UNBANNED", List.of("dovecot")), tuple("host-1", "PENDING", List.of()));
		JsonNode hostOne = waiting.get("items").get(2);
		assertThat(hostOne.get("error").get("code").asString()).isEqualTo("waiting");
		assertThat(hostOne.get("error").get("message").asString()).contains("host-1");
		assertThat(waiting.get("failure").get("message").asString()).startsWith("on host-1: ");
		String page = browser().get("/jobs/" + id).body();
		assertThat(page).contains("<span class=\"host\">host-1:</span>")
			.contains("fail2ban cannot be reached, the job waits and tries again: ");
		assertThat(fail2ban(0).bannedIn("dovecot")).doesNotContain(ADDRESS);
		assertThat(fail2ban(1).bannedIn("mxcp")).as("host-1's own fail2ban, asked on the host's side")
			.contains(ADDRESS);

		testHosts.get(1).restart();
		JsonNode done = await(id, job -> job.get("state").asString().equals("DONE"));

		assertThat(lines(done)).containsExactly(tuple("local", "UNBANNED", List.of("sshd")),
				tuple("host-0", "UNBANNED", List.of("dovecot")), tuple("host-1", "UNBANNED", List.of("mxcp")));
		assertThat(done.get("items").get(2).get("error").isNull()).isTrue();
		assertThat(fail2ban(1).bannedIn("mxcp")).doesNotContain(ADDRESS);
	}

	/**
	 * The words of the fail2ban-client runs of a release ({@code banned}, {@code unban}, {@code set <jail> unbanip})
	 * on the host since the last call; the health check's {@code version} is left out.
	 */
	private static List<List<String>> releaseRuns(String host) {
		return CountedRuns.runsOn(host)
			.takeCommands()
			.stream()
			.filter(command -> command.contains("--"))
			.map(command -> command.subList(command.indexOf("--") + 1, command.size()))
			.filter(words -> words.get(0).equals("banned") || words.get(0).equals("unban")
					|| words.size() > 2 && words.get(2).equals("unbanip"))
			.toList();
	}

	/** Queues the release of the address on every host through the API. */
	private long release() {
		HttpResponse<String> answer = api().post("/api/v1/unblock", "{\"ips\": [\"" + ADDRESS + "\"]}");
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
		String location = answer.headers().firstValue("Location").orElseThrow();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	private JsonNode await(long id, Predicate<JsonNode> condition) throws InterruptedException {
		List<JsonNode> last = new ArrayList<>(List.of(job(id)));
		Await.until("job " + id + " as expected", PATIENCE, () -> {
			last.set(0, job(id));
			return condition.test(last.get(0));
		});
		return last.get(0);
	}

	private JsonNode job(long id) {
		return api().getJson("/api/v1/jobs/" + id);
	}

	/** Each line's host, state and jails released (sorted). */
	private static List<Tuple> lines(JsonNode job) {
		List<Tuple> lines = new ArrayList<>();
		for (JsonNode item : job.get("items")) {
			List<String> jails = new ArrayList<>();
			item.get("jails").forEach(jail -> jails.add(jail.asString()));
			lines.add(tuple(item.get("host").asString(), item.get("state").asString(), jails.stream().sorted().toList()));
		}
		return lines;
	}

	private PanelBrowser browser() {
		PanelBrowser browser = tools.browser();
		browser.signIn("admin", TestPanel.PASSWORD);
		return browser;
	}

	private PanelApi api() {
		return tools.api("admin");
	}

	private Fail2banServer fail2ban(int index) {
		return testHosts.get(index).fail2ban();
	}

}
