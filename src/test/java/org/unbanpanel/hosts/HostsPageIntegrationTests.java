package org.unbanpanel.hosts;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.HtmlUtils;
import org.unbanpanel.testsupport.Await;
import org.unbanpanel.testsupport.PanelBrowser;
import org.unbanpanel.testsupport.PanelOnRealTools;
import org.unbanpanel.testsupport.RealTools;
import org.unbanpanel.testsupport.SshHosts;
import org.unbanpanel.testsupport.SshTestHost;
import org.unbanpanel.testsupport.TestPanel;
import org.unbanpanel.testsupport.WithSshHosts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hosts page of a whole panel with two other hosts, each a real sshd: {@code mail}, pinned to its own key, which
 * the admin authorizes by pasting the line the page shows; and {@code backup}, pinned to mail's key while its sshd shows
 * its own, which the page shows refused with both fingerprints, and where the panel never logged in nor ran anything.
 */
@WithSshHosts(2)
@PanelOnRealTools(users = { "noc", "OPERATOR" }, pam = false,
		properties = { "panel.ssh.reconnect-delay=100ms", "panel.ssh.reconnect-delay-max=200ms" })
class HostsPageIntegrationTests {

	private static final Pattern AUTHORIZED_KEYS = Pattern
		.compile("id=\"authorized-keys-mail\">([^<]*)</pre>");

	private final RealTools tools;

	private final SshTestHost mail;

	private final SshTestHost backup;

	HostsPageIntegrationTests(RealTools tools, SshHosts hosts) {
		this.tools = tools;
		this.mail = hosts.get(0);
		this.backup = hosts.get(1);
	}

	@DynamicPropertySource
	static void twoOtherHosts(DynamicPropertyRegistry registry) {
		SshHosts hosts = SshHosts.of(HostsPageIntegrationTests.class);
		hosts.get(0).settings(0, "mail").forEach((key, value) -> registry.add(key, () -> value));
		Map<String, String> backup = new LinkedHashMap<>(hosts.get(1).settings(1, "backup"));
		backup.put("panel.hosts[1].host-key", hosts.get(0).publicHostKey());
		backup.forEach((key, value) -> registry.add(key, () -> value));
	}

	@Test
	void aHostAuthorizedWithTheLineThePageShowsIsReachableWithItsToolsAndAMismatchedKeyIsRefused()
			throws InterruptedException {
		PanelBrowser browser = tools.browser();
		browser.signIn("noc", TestPanel.PASSWORD);
		String first = browser.get("/hosts").body();
		assertThat(row(first, "mail")).contains("refused the panel&#39;s key");

		mail.authorize(authorizedKeysLine(first));
		Await.until("mail reachable on the hosts page", Duration.ofSeconds(15),
				() -> row(browser.get("/hosts").body(), "mail").contains("reach-reachable"));
		String page = browser.get("/hosts").body();

		assertThat(row(page, "mail")).contains(mail.fail2ban().client(List.of("version")).strip())
			.contains("faillock")
			.contains(mail.hostKeyFingerprint())
			.contains("<time datetime=");
		assertThat(row(page, "local")).contains("this machine");
		assertThat(row(page, "backup")).contains("refused: wrong host key")
			.contains("It shows the key " + backup.hostKeyFingerprint() + ", but " + mail.hostKeyFingerprint()
					+ " is pinned. Nothing is run there.");
		assertThat(backup.log()).doesNotContain("Accepted publickey").doesNotContain("request exec");
		assertThat(mail.log()).contains("Accepted publickey for " + mail.user());
	}

	private static String authorizedKeysLine(String page) {
		Matcher line = AUTHORIZED_KEYS.matcher(page);
		assertThat(line.find()).as("the authorized_keys line for mail on the page").isTrue();
		String text = HtmlUtils.htmlUnescape(line.group(1)).strip();
		assertThat(text).startsWith("restrict,from=\"").contains(" ssh-ed25519 AAAA");
		return text;
	}

	private static String row(String page, String host) {
		int start = page.indexOf("id=\"host-" + host + "\"");
		assertThat(start).as("the row of " + host).isNotNegative();
		return page.substring(start, page.indexOf("</tr>", start));
	}

}
