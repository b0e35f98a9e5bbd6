package org.unbanpanel.notify;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NoticeTests {

	@Test
	void showsAWebhookByItsHostOnlySinceItsPathMayHoldAToken() {
		assertThat(notice("https://chat.example.org/hooks/T0KEN/secret").shownDestination())
			.isEqualTo("https://chat.example.org/…");
		assertThat(notice("http://127.0.0.1:8125/hook").shownDestination()).isEqualTo("http://127.0.0.1:8125/…");
	}

	@Test
	void showsTheRecipientsOfAnEmail() {
		Notice mail = notice("mailto:admins@example.org,noc@example.org");

		assertThat(mail.byMail()).isTrue();
		assertThat(mail.shownDestination()).isEqualTo("mailto:admins@example.org,noc@example.org");
	}

	private static Notice notice(String destination) {
		return new Notice(1, "banned-again", destination, List.of("192.0.2.7", "dovecot", 4), "{}",
				Instant.parse("2026-12-01T21:40:02Z"), NoticeState.PENDING, 0, null, null, null);
	}

}
