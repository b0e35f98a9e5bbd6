package org.unbanpanel.notify;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.unbanpanel.testsupport.Await;
import org.unbanpanel.testsupport.PanelBrowser;
import org.unbanpanel.testsupport.PanelOnRealTools;
import org.unbanpanel.testsupport.RealTools;
import org.unbanpanel.testsupport.TestPanel;
import org.unbanpanel.testsupport.WebhookReceiver;
import org.unbanpanel.testsupport.WithWebhookReceiver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13: notices to a webhook that is down (it takes the request and never answers) are retried and then marked
 * failed on the notices page, while jobs go on as fast as ever; a failed job and fail2ban unreachable for longer
 * than {@code panel.notify.unreachable-after} each make a notice, against the real fail2ban.
 */
@WithWebhookReceiver(hanging = true, secret = "secret")
@PanelOnRealTools(users = { "alice", "ADMIN" },
		properties = { "panel.watch.every=1s", "panel.notify.attempts=3", "panel.notify.retry-initial=500ms",
				"panel.notify.read-timeout=5s", "panel.notify.unreachable-after=2s", "panel.jobs.retry-for=3s" })
class NoticeDeliveryIntegrationTests {

	/** A row of the notices page: what, to, state, attempts, last error. */
	private static final Pattern ROW = Pattern.compile("<tr class=\"notice-(\\w+)\">(.*?)</tr>", Pattern.DOTALL);

	private final RealTools tools;

	private final WebhookReceiver receiver;

	NoticeDeliveryIntegrationTests(RealTools tools, WebhookReceiver receiver) {
		this.receiver = receiver;
		this.tools = tools;
	}

	@AfterEach
	void fail2banRunsAgain() {
		tools.fail2ban().ensureRunning();
		tools.fail2ban().unbanAll();
	}

	@Test
	void aWebhookThatIsDownNeitherSlowsNorFailsAJobAndItsNoticeIsRetriedThenMarkedFailed() throws Exception {
		PanelBrowser browser = signedIn();
		tools.fail2ban().ban("dovecot", "192.0.2.71");
		String firstJob = release(browser, "192.0.2.71");
		assertThat(browser.awaitFinished(firstJob)).contains("unbanned from dovecot");
		Await.until("the release to be watched", Duration.ofSeconds(5),
				() -> browser.get(firstJob).body().contains("watched for a new ban until"));
		tools.fail2ban().failLogins("dovecot", "192.0.2.71");
		Await.until("the webhook to be tried", Duration.ofSeconds(30), () -> receiver.received() >= 1);

		tools.fail2ban().ban("sasl", "192.0.2.72");
		long started = System.nanoTime();
		String job = release(browser, "192.0.2.72");
		String page = browser.awaitFinished(job);
		Duration took = Duration.ofNanos(System.nanoTime() - started);

		assertThat(page).contains("unbanned from sasl").doesNotContain("failed");
		assertThat(took).as("the job waits for no notice: it ends within one attempt's read timeout").isLessThan(Duration.ofSeconds(5));
		assertThat(noticeRow(browser, "banned again")).as("the notice is still being tried").doesNotContain(">failed<");
		Await.until("the notice to be marked failed", Duration.ofSeconds(30),
				() -> noticeRow(browser, "banned again").contains(">failed<"));
		String row = noticeRow(browser, "banned again");
		assertThat(row).contains("<td class=\"attempts\" data-label=\"Attempts\">3</td>").contains("no answer in time");
		assertThat(receiver.received()).isGreaterThanOrEqualTo(3);
	}

	@Test
	void tellsOfAFailedJobAndOfFail2banUnreachableForLongerThanTheThreshold() throws Exception {
		PanelBrowser browser = signedIn();
		tools.fail2ban().stop();
		String job = release(browser, "192.0.2.73");
		Await.until("the job to give up waiting for fail2ban", Duration.ofSeconds(30),
				() -> !browser.get(job).body().contains("http-equiv=\"refresh\""));
		String jobId = job.replaceAll("\\D", "");

		Await.until("a notice of the failed job", Duration.ofSeconds(10),
				() -> browser.get("/notices").body().contains("Job " + jobId + " failed: 1 value could not be released"));
		Await.until("a notice of fail2ban unreachable", Duration.ofSeconds(10),
				() -> browser.get("/notices").body().contains("fail2ban has not answered since"));
		tools.fail2ban().ensureRunning();
		Await.until("a notice of fail2ban answering again", Duration.ofSeconds(10),
				() -> browser.get("/notices").body().contains("fail2ban answers again"));
	}

	private PanelBrowser signedIn() {
		PanelBrowser browser = tools.browser();
		browser.signIn("alice", TestPanel.PASSWORD);
		browser.get("/system/unblock");
		return browser;
	}

	private static String release(PanelBrowser browser, String address) {
		return PanelBrowser.redirectPath(browser.post("/system/unblock", Map.of("ips", address, "accounts", "")));
	}

	private static String noticeRow(PanelBrowser browser, String what) {
		Matcher row = ROW.matcher(browser.get("/notices").body());
		while (row.find()) {
			if (row.group(2).contains(what)) {
				return row.group(0);
			}
		}
		return "";
	}

}
