package org.unbanpanel.notify;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.unbanpanel.hosts.HostName;
import org.unbanpanel.jobs.Reban;
import org.unbanpanel.watch.BannedAgain;
import org.unbanpanel.web.PanelProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/**
 * The values of the notice of an address banned again: the link to the new ban's evidence, with and without
 * {@code panel.base-url}.
 */
class NoticeTriggersTests {

	private static final BannedAgain BANNED_AGAIN = new BannedAgain(new Reban(HostName.LOCAL, "192.0.2.7", "dovecot", 12,
			Instant.parse("2026-12-01T21:36:01Z"), Instant.parse("2026-12-01T21:40:02Z")));

	private final Notices notices = mock(Notices.class);

	@Test
	void givesTheEvidenceOfANewBanAsAPathWithoutABaseUrl() {
		triggers(null).bannedAgain(BANNED_AGAIN);

		assertThat(values()).containsEntry("evidence", "/evidence?jail=dovecot&ip=192.0.2.7");
	}

	@Test
	void givesTheEvidenceOfANewBanAsAnAbsoluteLinkUnderTheBaseUrl() {
		triggers("https://panel.example.org").bannedAgain(BANNED_AGAIN);

		assertThat(values()).containsEntry("evidence", "https://panel.example.org/evidence?jail=dovecot&ip=192.0.2.7");
	}

	@Test
	void keepsTheBaseUrlsPathAndNeverDoublesItsSlash() {
		triggers("https://admin.example.org/unban-panel/").bannedAgain(BANNED_AGAIN);

		assertThat(values()).containsEntry("evidence",
				"https://admin.example.org/unban-panel/evidence?jail=dovecot&ip=192.0.2.7");
	}

	@Test
	void namesTheHostOfANewBanOnAnotherHostAndGivesNoEvidenceTheLogsOfWhichThePanelDoesNotRead() {
		triggers(null).bannedAgain(new BannedAgain(new Reban(HostName.parse("mail"), "192.0.2.7", "sasl", 12,
				Instant.parse("2026-12-01T21:36:01Z"), Instant.parse("2026-12-01T21:40:02Z"))));

		assertThat(values("banned-again-on-host")).containsEntry("host", "mail").containsEntry("evidence", "");
	}

	@Test
	void namesThisMachineAsTheHostOfALocalNewBan() {
		triggers(null).bannedAgain(BANNED_AGAIN);

		assertThat(values()).containsEntry("host", "local");
	}

	private NoticeTriggers triggers(String baseUrl) {
		return new NoticeTriggers(notices,
				new PanelProperties(Path.of("."), List.of(), null, (baseUrl != null) ? URI.create(baseUrl) : null));
	}

	private Map<String, Object> values() {
		return values("banned-again");
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> values(String kind) {
		ArgumentCaptor<Map<String, Object>> values = ArgumentCaptor.forClass(Map.class);
		verify(notices).add(eq(kind), values.capture());
		return values.getValue();
	}

}
