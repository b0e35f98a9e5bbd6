package org.unbanpanel.notify;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.unbanpanel.hosts.TestFleet;
import org.unbanpanel.hosts.WithTestFleet;
import org.unbanpanel.testsupport.PanelOnRealTools;
import org.unbanpanel.testsupport.SshHosts;
import org.unbanpanel.testsupport.SshTestHost;
import org.unbanpanel.testsupport.WebhookReceiver;
import org.unbanpanel.testsupport.WithWebhookReceiver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Another host of the fleet that cannot be asked for longer than {@code panel.notify.unreachable-after}, its sshd
 * stopped or its own fail2ban-server stopped, makes a notice naming it, and another when it answers again; this
 * machine's fail2ban, which answers throughout, makes none.
 */
@WithTestFleet(1)
@WithWebhookReceiver
@PanelOnRealTools(users = { "noc", "OPERATOR" }, pam = false,
		properties = "panel.notify.unreachable-after=2s")
class HostOutageIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(20);

	private final SshTestHost far;

	private final WebhookReceiver receiver;

	HostOutageIntegrationTests(SshHosts testHosts, WebhookReceiver receiver) {
		this.receiver = receiver;
		this.far = testHosts.get(0);
	}

	@AfterEach
	void theHostAnswersAgainAndNoNoticeIsLeft() throws InterruptedException {
		far.restart();
		far.fail2ban().ensureRunning();
		while (receiver.next(Duration.ofSeconds(3)) != null) {
			// a notice of a test that failed halfway, or of the host answering again
		}
	}

	@Test
	void tellsOfAHostWhoseSshdIsDownAndOfItAnsweringAgain() throws InterruptedException {
		far.stop();

		JsonNode down = next("fail2ban-unreachable-on-host");
		assertThat(down.get("data").get("host").asString()).isEqualTo(TestFleet.name(0));
		assertThat(down.get("text").asString()).startsWith("fail2ban on " + TestFleet.name(0) + " has not answered since")
			.contains("connection refused");

		far.restart();
		JsonNode back = next("fail2ban-answers-again-on-host");
		assertThat(back.get("data").get("host").asString()).isEqualTo(TestFleet.name(0));
		assertThat(back.get("text").asString()).startsWith("fail2ban on " + TestFleet.name(0) + " answers again");
	}

	@Test
	void tellsOfAHostWhoseOwnFail2banIsStopped() throws InterruptedException {
		far.fail2ban().stop();

		JsonNode down = next("fail2ban-unreachable-on-host");
		assertThat(down.get("data").get("host").asString()).isEqualTo(TestFleet.name(0));

		far.fail2ban().ensureRunning();
		assertThat(next("fail2ban-answers-again-on-host").get("data").get("host").asString())
			.isEqualTo(TestFleet.name(0));
	}

	/**
	 * The next notice of this kind the receiver gets, none of another kind before it: this machine's fail2ban answers
	 * throughout, and the host is down only when the test says.
	 */
	private JsonNode next(String kind) throws InterruptedException {
		WebhookReceiver.Request request = receiver.next(PATIENCE);
		assertThat(request).as("a notice " + kind + " within " + PATIENCE.toSeconds() + " s").isNotNull();
		JsonNode notice = JsonMapper.builder().build().readTree(request.body());
		assertThat(notice.get("kind").asString()).isEqualTo(kind);
		return notice;
	}

}
