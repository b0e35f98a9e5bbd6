package org.unbanpanel.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.unbanpanel.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

class AuditTrailTests {

	private final TestDatabase database = new TestDatabase();

	@Test
	void keepsEveryFieldOfARecordedEvent() {
		Instant at = Instant.parse("2026-11-25T10:15:30Z");
		AuditTrail trail = new AuditTrail(database.jdbc(), Clock.fixed(at, ZoneOffset.UTC));

		trail.record(new AuditEntry("admin", "203.0.113.7", AuditAction.UNBANNED, 42L, "4.4.4.4", "sshd, dovecot"));

		assertThat(trail.recent(10)).containsExactly(new AuditEvent(1, at, "admin", "203.0.113.7",
				AuditAction.UNBANNED, 42L, "4.4.4.4", "sshd, dovecot"));
	}

	@Test
	void listsTheLatestEventsNewestFirst() {
		Instant start = Instant.parse("2026-11-25T10:00:00Z");
		for (int minute = 0; minute < 5; minute++) {
			Clock clock = Clock.fixed(start.plusSeconds(60 * minute), ZoneOffset.UTC);
			AuditTrail trail = new AuditTrail(database.jdbc(), clock);
			trail.record(new AuditEntry("admin", null, AuditAction.SUBMITTED, null, "10.0.0." + minute, null));
		}

		List<AuditEvent> recent = new AuditTrail(database.jdbc(), Clock.systemUTC()).recent(3);

		assertThat(recent).extracting(AuditEvent::target).containsExactly("10.0.0.4", "10.0.0.3", "10.0.0.2");
	}

}
