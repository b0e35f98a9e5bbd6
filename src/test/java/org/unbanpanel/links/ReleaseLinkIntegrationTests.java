package org.unbanpanel.links;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unbanpanel.testsupport.PanelBrowser;
import org.unbanpanel.testsupport.PanelOnRealTools;
import org.unbanpanel.testsupport.RealTools;
import org.unbanpanel.testsupport.TestPanel;
import org.unbanpanel.testsupport.WebhookReceiver;
import org.unbanpanel.testsupport.WithWebhookReceiver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A release link from end to end against a private fail2ban-server: an admin makes a link for dovecot, and the
 * visitor, 127.0.0.1 (banned in dovecot and sshd), opens it without a session, releases the address, and fail2ban
 * then holds it in sshd only; the second use of the one-use link, an expired and a revoked link release nothing. The
 * link's uses and the audit trail name what happened.
 */
@WithWebhookReceiver
@PanelOnRealTools(users = { "alice", "ADMIN" }, pam = false)
class ReleaseLinkIntegrationTests {

	/** The test's own address, as the panel sees its connections. */
	static final String VISITOR = "127.0.0.1";

	private final RealTools tools;

	@Autowired
	private JdbcClient jdbc;

	private final WebhookReceiver receiver;

	ReleaseLinkIntegrationTests(RealTools tools, WebhookReceiver receiver) {
		this.receiver = receiver;
		this.tools = tools;
	}

	@AfterEach
	void releaseEverything() {
		tools.fail2ban().unbanAll();
	}

	@Test
	void theVisitorReleasesTheirOwnAddressFromTheLinksJailOnlyAndOnlyOnce() throws InterruptedException {
		tools.fail2ban().ban("dovecot", VISITOR);
		tools.fail2ban().ban("sshd", VISITOR);
		PanelBrowser admin = signedIn();
		Links.Made link = Links.make(admin, "Office Gràcia, fix Thunderbird", "dovecot");
		PanelBrowser visitor = tools.browser();

		HttpResponse<String> page = visitor.get(link.path());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("The server sees you connecting from " + VISITOR)
			.contains("Your address is blocked for: dovecot.")
			.doesNotContain("sshd")
			.doesNotContain("Office Gràcia");
		HttpResponse<String> released = visitor.post(link.path(), Map.of());
		assertThat(PanelBrowser.redirectPath(released)).startsWith(link.path() + "/uses/");
		String result = visitor.awaitFinished(PanelBrowser.redirectPath(released));

		assertThat(result).contains("Your address is released (dovecot). You can log in again now.");
		assertThat(tools.fail2ban().bannedIn("dovecot")).doesNotContain(VISITOR);
		assertThat(tools.fail2ban().bannedIn("sshd")).contains(VISITOR);

		tools.fail2ban().ban("dovecot", VISITOR);
		HttpResponse<String> again = visitor.post(link.path(), Map.of());
		assertThat(again.statusCode()).isEqualTo(410);
		assertThat(again.body()).contains("This link has been used already.");
		assertThat(tools.fail2ban().bannedIn("dovecot")).contains(VISITOR);

		String uses = admin.get("/links/" + link.id()).body();
		assertThat(uses).contains("released (job queued)").contains("refused: the link was used up").contains(VISITOR);
		String audit = admin.get("/audit").body();
		assertThat(audit).contains("released through a release link")
			.contains("release link " + link.id())
			.contains("Office Gràcia, fix Thunderbird");
		WebhookReceiver.Request notice = receiver.next(Duration.ofSeconds(10));
		assertThat(notice).as("a notice of the link's use within 10 s").isNotNull();
		assertThat(new String(notice.body(), StandardCharsets.UTF_8)).contains("\"kind\":\"release-link-used\"")
			.contains("\"linkId\":" + link.id())
			.contains("\"address\":\"" + VISITOR + "\"")
			.contains("Office Gràcia, fix Thunderbird");
	}

	@Test
	void anExpiredLinkReleasesNothing() {
		tools.fail2ban().ban("dovecot", VISITOR);
		Links.Made link = Links.make(signedIn(), "expires", "dovecot");
		PanelBrowser visitor = tools.browser();
		visitor.get(link.path());

		// its 24 hours pass
		jdbc.sql("UPDATE release_link SET expires_at = created_at WHERE id = :id").param("id", link.id()).update();
		assertThat(visitor.get(link.path()).body()).contains("This link has expired.");
		HttpResponse<String> posted = visitor.post(link.path(), Map.of());

		assertThat(posted.statusCode()).isEqualTo(410);
		assertThat(posted.body()).contains("This link has expired.");
		assertThat(tools.fail2ban().bannedIn("dovecot")).contains(VISITOR);
	}

	@Test
	void aRevokedLinkReleasesNothing() {
		tools.fail2ban().ban("dovecot", VISITOR);
		PanelBrowser admin = signedIn();
		Links.Made link = Links.make(admin, "revoked", "dovecot");
		PanelBrowser visitor = tools.browser();
		visitor.get(link.path());

		assertThat(PanelBrowser.redirectPath(admin.post("/links/" + link.id() + "/revoke", Map.of())))
			.isEqualTo("/links/" + link.id());
		HttpResponse<String> posted = visitor.post(link.path(), Map.of());

		assertThat(posted.statusCode()).isEqualTo(410);
		assertThat(posted.body()).contains("This link was withdrawn.");
		assertThat(tools.fail2ban().bannedIn("dovecot")).contains(VISITOR);
		assertThat(admin.get("/links/" + link.id()).body()).contains("refused: the link was revoked");
	}

	private PanelBrowser signedIn() {
		PanelBrowser browser = tools.browser();
		assertThat(browser.signIn("alice", TestPanel.PASSWORD).headers().firstValue("Location"))
			.hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
		return browser;
	}

}
