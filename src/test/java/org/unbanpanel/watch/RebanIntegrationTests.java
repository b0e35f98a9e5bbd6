package org.unbanpanel.watch;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.unbanpanel.testsupport.Await;
import org.unbanpanel.testsupport.PanelBrowser;
import org.unbanpanel.testsupport.PanelOnRealTools;
import org.unbanpanel.testsupport.RealTools;
import org.unbanpanel.testsupport.TestPanel;
import org.unbanpanel.testsupport.WebhookReceiver;
import org.unbanpanel.testsupport.WithWebhookReceiver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13: an address released through the panel that the real fail2ban bans again from log lines is seen on the
 * job's page within 10 s of the ban, on Lookup and on Unblock Access, and a webhook with a valid signature reaches a
 * local receiver.
 */
@WithWebhookReceiver(secret = RebanIntegrationTests.SECRET)
@PanelOnRealTools(users = { "alice", "ADMIN", "noc", "OPERATOR" }, properties = "panel.watch.every=1s")
class RebanIntegrationTests {

	static final String SECRET = "a-long-random-secret-of-this-test";

	private static final String OFFICE = "192.0.2.61";

	private final RealTools tools;

	private final WebhookReceiver receiver;

	RebanIntegrationTests(RealTools tools, WebhookReceiver receiver) {
		this.receiver = receiver;
		this.tools = tools;
	}

	@Test
	void seesTheNewBanOfAReleasedAddressWithin10SecondsAndSendsASignedNotice() throws Exception {
		tools.fail2ban().ban("dovecot", OFFICE);
		PanelBrowser browser = tools.browser();
		browser.signIn("alice", TestPanel.PASSWORD);
		browser.get("/system/unblock");
		String jobPage = PanelBrowser.redirectPath(browser.post("/system/unblock", Map.of("ips", OFFICE, "accounts", "")));
		assertThat(browser.awaitFinished(jobPage)).contains("unbanned from dovecot");
		Await.until("the job's page to say its address is watched", Duration.ofSeconds(5),
				() -> browser.get(jobPage).body().contains("watched for a new ban until"));
		assertThat(tools.fail2ban().bannedIn("dovecot")).doesNotContain(OFFICE);

		tools.fail2ban().failLogins("dovecot", OFFICE);
		Await.until("fail2ban to ban the office again from its log lines", Duration.ofSeconds(30),
				() -> tools.fail2ban().bannedIn("dovecot").contains(OFFICE));
		long banned = System.nanoTime();
		Await.until("the job's page to say the office was banned again", Duration.ofSeconds(10),
				() -> browser.get(jobPage).body().contains(OFFICE + " was banned again in dovecot 0 min after its release"));
		System.out.printf("%nRE-BAN seen on the job's page %d ms after fail2ban was seen holding it%n",
				(System.nanoTime() - banned) / 1_000_000);

		WebhookReceiver.Request notice = receiver.next(Duration.ofSeconds(10));
		assertThat(notice).as("a webhook within 10 s").isNotNull();
		assertThat(notice.header("X-Unban-Panel-Signature")).isEqualTo("sha256=" + hmac(notice.body()));
		JsonNode json = JsonMapper.builder().build().readTree(notice.body());
		assertThat(json.get("kind").asString()).isEqualTo("banned-again");
		assertThat(json.get("data").get("address").asString()).isEqualTo(OFFICE);
		assertThat(json.get("data").get("jail").asString()).isEqualTo("dovecot");
		assertThat(json.get("data").get("jobId").asLong()).isEqualTo(Long.parseLong(jobPage.replaceAll("\\D", "")));
		assertThat(json.get("text").asString()).startsWith(OFFICE + " was banned again in dovecot 0 min after its release");

		assertThat(browser.get(jobPage).body()).contains("href=\"/evidence?jail=dovecot&amp;ip=" + OFFICE + "\"");
		assertThat(browser.get("/evidence?jail=dovecot&ip=" + OFFICE).body()).contains("authentication failure from " + OFFICE);
		assertThat(browser.get("/lookup?ip=" + OFFICE).body()).contains("Banned again after a release through the panel")
			.contains(OFFICE + " was banned again in dovecot");
		assertThat(browser.get("/system/unblock").body()).contains("Banned again in the last 24 h")
			.contains("href=\"/lookup?ip=" + OFFICE + "\"");
		Await.until("the notice to be marked sent", Duration.ofSeconds(5),
				() -> browser.get("/notices").body().contains(">sent<"));
	}

	@Test
	void showsTheNoticesToAnOperator() {
		PanelBrowser browser = tools.browser();
		browser.signIn("noc", TestPanel.PASSWORD);

		assertThat(browser.get("/notices").statusCode()).isEqualTo(200);
	}

	/** The signature as a receiver computes it: HMAC-SHA256 of the body's bytes with the shared secret, in hex. */
	private static String hmac(byte[] body) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return HexFormat.of().formatHex(mac.doFinal(body));
	}

}
