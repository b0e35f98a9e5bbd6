package org.unbanpanel.security;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.unbanpanel.audit.AuditEvent;
import org.unbanpanel.audit.AuditTrail;
import org.unbanpanel.testsupport.PanelBrowser;
import org.unbanpanel.testsupport.PanelWithoutTools;
import org.unbanpanel.testsupport.TestPanel;
import org.unbanpanel.testsupport.Throttled;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.unbanpanel.testsupport.PanelBrowser.locationPath;

/**
 * Issue 15 item 10: the audit trail holds every successful sign-in and every refused one (wrong password, over the
 * limit), by the form and the API, with the name and the address, and never the password; the audit page shows them.
 */
@PanelWithoutTools(users = { "alice", "ADMIN" }, behindTestProxy = true)
class SignInAuditIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private AuditTrail audit;

	@Test
	void auditsEverySignInAndEveryRefusedOneWithoutThePassword() {
		String guess = "guess-" + UUID.randomUUID();
		assertThat(locationPath(from("203.0.113.31").signIn("alice", guess))).endsWith("/login?error");
		PanelBrowser alice = from("203.0.113.31");
		assertThat(locationPath(alice.signIn("alice", TestPanel.PASSWORD))).isEqualTo("/");
		for (int failure = 1; failure <= Throttled.LIMIT + 1; failure++) {
			from("203.0.113.32").signIn("mallory", guess);
		}

		List<AuditEvent> events = audit.recent(100);

		assertThat(events).extracting(AuditEvent::username, AuditEvent::clientAddress, event -> event.action().name())
			.containsSubsequence(tuple("mallory", "203.0.113.32", "SIGN_IN_THROTTLED"),
					tuple("mallory", "203.0.113.32", "WRONG_PASSWORD"), tuple("alice", "203.0.113.31", "SIGNED_IN"),
					tuple("alice", "203.0.113.31", "WRONG_PASSWORD"));
		assertThat(events).flatExtracting(event -> Stream.of(event.username(), event.target(), event.detail()).toList())
			.noneSatisfy(field -> assertThat(field).contains(guess))
			.noneSatisfy(field -> assertThat(field).contains(TestPanel.PASSWORD));
		assertThat(alice.get("/audit?user=mallory").body()).contains("sign-in refused: wrong password")
			.contains("sign-in refused: too many failed sign-ins");
		assertThat(alice.get("/audit?user=alice").body()).contains("signed in");
	}

	private PanelBrowser from(String address) {
		return new PanelBrowser(port).withHeader("X-Forwarded-For", address);
	}

}
