package org.unbanpanel.lookup;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.unbanpanel.testsupport.Await;
import org.unbanpanel.testsupport.PamLockout;
import org.unbanpanel.testsupport.PanelBrowser;
import org.unbanpanel.testsupport.PanelOnRealTools;
import org.unbanpanel.testsupport.RealTools;
import org.unbanpanel.testsupport.TestPanel;
import org.unbanpanel.testsupport.WithRealTools;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared-office story end to end: someone's client keeps failing as a local user over SSH, PAM locks that account
 * and fail2ban (Debian's sshd filter) bans the address; Lookup shows why, names the account, offers to clear its lock,
 * and one release frees both.
 */
@PanelOnRealTools(users = { "alice", "ADMIN" }, fail2ban = WithRealTools.Fail2banSetUp.DEBIAN_FILTERS)
class LookupEvidenceIntegrationTests {

	static final DateTimeFormatter SYSLOG = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ROOT);

	private final RealTools tools;

	LookupEvidenceIntegrationTests(RealTools tools) {
		this.tools = tools;
	}

	@Test
	void explainsTheBanNamesTheLockedAccountAndReleasesBothInOneJob() throws Exception {
		String user = tools.pam().user();
		String address = PamLockout.RHOST;
		tools.pam().lockOut();
		StringBuilder lines = new StringBuilder();
		for (int port = 50200; port < 50205; port++) {
			lines.append(SYSLOG.format(LocalDateTime.now())).append(" mail sshd[").append(port)
				.append("]: Failed password for ").append(user).append(" from ").append(address).append(" port ")
				.append(port).append(" ssh2\n");
		}
		Files.writeString(tools.fail2ban().logFile("sshd"), lines, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
		Await.until("fail2ban to ban " + address, Duration.ofSeconds(30),
				() -> tools.fail2ban().bannedIn("sshd").contains(address));
		PanelBrowser browser = tools.browser();
		browser.signIn("alice", TestPanel.PASSWORD);

		String page = browser.get("/lookup?ip=" + address).body();

		assertThat(page).contains("Why banned in sshd")
			.contains("5 failed logins in that window")
			.contains(user + " \u00d75 over ssh")
			.contains("value=\"" + user + "\" checked")
			.contains("locked until");
		HttpResponse<String> posted = browser.post("/lookup/release",
				Map.of("ip", address, "unlock", user, "trust", "none"));
		assertThat(posted.statusCode()).isEqualTo(302);
		String jobPage = posted.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
		Await.until("the job to release the address and clear the lock", Duration.ofSeconds(30),
				() -> browser.get(jobPage).body().contains("failed logins cleared"));
		assertThat(tools.fail2ban().bannedIn("sshd")).isEmpty();
		assertThat(tools.pam().authenticate(tools.pam().password())).as("the account authenticates again").isTrue();
		assertThat(browser.get(jobPage).body()).contains("unbanned from sshd")
			.contains("href=\"/lookup?ip=" + address + "\"");
	}

}
