package org.unbanpanel.health;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.unbanpanel.testsupport.Await;
import org.unbanpanel.testsupport.MachineAddress;
import org.unbanpanel.testsupport.PanelBrowser;
import org.unbanpanel.testsupport.PanelOnRealTools;
import org.unbanpanel.testsupport.RealTools;
import org.unbanpanel.testsupport.TestPanel;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/health} and {@code /actuator/prometheus} of the whole panel on a private fail2ban-server and a
 * real PAM lockout's faillock, on the management port: fail2ban's component follows the server down and up while
 * liveness stays UP, the details need a signed-in user, and the metrics count the program runs and failed sign-ins.
 */
@PanelOnRealTools(users = { "alice", "ADMIN" })
class HealthIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final RealTools tools;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	HealthIntegrationTests(RealTools tools) {
		this.tools = tools;
	}

	@AfterEach
	void fail2banRuns() {
		tools.fail2ban().ensureRunning();
	}

	@Test
	void fail2banComponentFollowsTheServerDownAndUpWhileLivenessStaysUp() throws Exception {
		HttpResponse<String> up = signedIn("/actuator/health");
		assertThat(up.statusCode()).isEqualTo(200);
		JsonNode components = JSON.readTree(up.body()).get("components");
		assertThat(components.at("/fail2ban/status").asString()).isEqualTo("UP");
		assertThat(components.at("/fail2ban/details/reachable").asBoolean()).isTrue();
		assertThat(components.at("/fail2ban/details/version").asString()).matches("\\d+\\.\\d+\\.\\d+.*");
		assertThat(components.at("/accountTool/status").asString()).isEqualTo("UP");
		assertThat(components.at("/accountTool/details/tool").asString()).isEqualTo("faillock");
		assertThat(components.at("/accountTool/details/present").asBoolean()).isTrue();

		tools.fail2ban().stop();

		HttpResponse<String> down = signedIn("/actuator/health");
		assertThat(down.statusCode()).isEqualTo(503);
		JsonNode fail2banDown = JSON.readTree(down.body()).at("/components/fail2ban");
		assertThat(fail2banDown.at("/status").asString()).isEqualTo("DOWN");
		assertThat(fail2banDown.at("/details/reachable").asBoolean()).isFalse();
		assertThat(fail2banDown.at("/details/error").asString()).startsWith("fail2ban is not running");
		assertThat(anonymous("/actuator/health/liveness").body()).isEqualTo("{\"status\":\"UP\"}");

		tools.fail2ban().ensureRunning();

		HttpResponse<String> back = signedIn("/actuator/health");
		assertThat(back.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(back.body()).at("/components/fail2ban/status").asString()).isEqualTo("UP");
	}

	@Test
	void anonymousLocalRequestsSeeTheStatusOnly() throws Exception {
		HttpResponse<String> health = anonymous("/actuator/health");

		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(health.body()).propertyNames()).containsExactlyInAnyOrder("status", "groups");
	}

	@Test
	void theManagementPortListensOnLoopbackOnlyAndThePanelsPortServesNoEndpoint() throws Exception {
		InetAddress elsewhere = MachineAddress.nonLoopback();

		assertThat(MachineAddress.accepts(InetAddress.getByName("127.0.0.1"), managementPort)).isTrue();
		assertThat(MachineAddress.accepts(elsewhere, managementPort)).as("connecting to %s", elsewhere).isFalse();
		HttpResponse<String> onPanelPort = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
				+ "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(onPanelPort.body()).doesNotContain("status");
	}

	@Test
	void prometheusCountsProgramRunsByCommandAndFailedSignIns() throws Exception {
		signedIn("/actuator/health");
		PanelBrowser browser = new PanelBrowser(port);
		browser.signIn("alice", "wrong password");
		tools.fail2ban().stop();
		signedIn("/actuator/health");

		String metrics = anonymous("/actuator/prometheus").body();

		assertThat(metrics)
			.containsPattern("panel_commands_seconds_count\\{command=\"version\",host=\"local\",outcome=\"success\",tool=\"fail2ban-client\"\\} [1-9]")
			.containsPattern("panel_commands_seconds_count\\{command=\"version\",host=\"local\",outcome=\"failure\",tool=\"fail2ban-client\"\\} [1-9]")
			.containsPattern("panel_commands_seconds_sum\\{command=\"list\",host=\"local\",outcome=\"success\",tool=\"faillock\"\\} [0-9.]+")
			.containsPattern("panel_signin_failures_total\\{reason=\"bad_credentials\"\\} [1-9]");
	}

	/**
	 * Issue 10: a job submitted, its release counted under its jail and host, the job and its value by what came of
	 * them, its duration by its final state, no job left waiting, and the trust it asked for current.
	 */
	@Test
	void prometheusCountsAJobFromItsSubmissionToItsResultAndTheTrustItAskedFor() throws Exception {
		tools.fail2ban().ban("dovecot", "198.51.100.77");
		tools.fail2ban().ban("sasl", "198.51.100.77");
		PanelBrowser browser = new PanelBrowser(port);
		browser.signIn("alice", TestPanel.PASSWORD);
		browser.get("/system/unblock");
		browser.awaitFinished(PanelBrowser.redirectPath(browser.post("/system/unblock",
				Map.of("ips", "198.51.100.77", "accounts", "", "trust", "1h"))));

		Await.until("the job's metrics", Duration.ofSeconds(30),
				() -> prometheus().contains("panel_releases_total{host=\"local\",jail=\"sasl\"}")
						&& prometheus().contains("panel_trusts_current 1.0"));
		assertThat(prometheus())
			.containsPattern("panel_releases_total\\{host=\"local\",jail=\"dovecot\"\\} [1-9]")
			.containsPattern("panel_releases_total\\{host=\"local\",jail=\"sasl\"\\} [1-9]")
			.containsPattern("panel_jobs_submitted_total [1-9]")
			.containsPattern("panel_jobs_finished_total\\{state=\"done\"\\} [1-9]")
			.containsPattern("panel_jobs_duration_seconds_count\\{state=\"done\"\\} [1-9]")
			.containsPattern("panel_jobs_duration_seconds_sum\\{state=\"done\"\\} (0\\.0*[1-9]|[1-9])")
			.contains("panel_jobs_waiting 0.0")
			.containsPattern("panel_job_values_total\\{host=\"local\",outcome=\"unbanned\"\\} [1-9]");
	}

	private String prometheus() {
		try {
			return anonymous("/actuator/prometheus").body();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private HttpResponse<String> anonymous(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(management(path)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> signedIn(String path) throws Exception {
		String basic = Base64.getEncoder()
			.encodeToString(("alice:" + TestPanel.PASSWORD).getBytes(StandardCharsets.UTF_8));
		return http.send(HttpRequest.newBuilder(management(path)).header("Authorization", "Basic " + basic).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private URI management(String path) {
		return URI.create("http://127.0.0.1:" + managementPort + path);
	}

}
