package org.unbanpanel.audit;

import java.time.Clock;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.links.ReleaseLinkChanged;
import org.unbanpanel.links.ReleaseLinkUsed;
import org.unbanpanel.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** What the audit trail records of the release links' events, with a real database. */
class LinkAuditTests {

	private final TestDatabase database = new TestDatabase();

	private final AuditTrail trail = new AuditTrail(database.jdbc(), Clock.systemUTC());

	private final LinkAudit audit = new LinkAudit(trail);

	@Test
	void recordsAReleaseThroughALinkWithTheLinksNumberAndNoteTheVisitorAndTheJob() {
		audit.used(new ReleaseLinkUsed(12, "Office Gràcia, fix Thunderbird", BanTarget.parse("203.0.113.7"), 42,
				Instant.parse("2026-11-25T11:00:00Z")));

		assertThat(trail.recent(10))
			.extracting(AuditEvent::username, AuditEvent::clientAddress, AuditEvent::action, AuditEvent::jobId,
					AuditEvent::target, AuditEvent::detail)
			.containsExactly(tuple("release link 12", "203.0.113.7", AuditAction.LINK_USED, 42L, "203.0.113.7",
					"Office Gràcia, fix Thunderbird"));
	}

	@Test
	void recordsWhoMadeAndWhoRevokedALink() {
		audit.changed(new ReleaseLinkChanged(ReleaseLinkChanged.Change.CREATED, 12, "Office Gràcia", "alice",
				"198.51.100.2"));
		audit.changed(new ReleaseLinkChanged(ReleaseLinkChanged.Change.REVOKED, 12, "Office Gràcia", "bob",
				"198.51.100.3"));

		assertThat(trail.recent(10))
			.extracting(AuditEvent::username, AuditEvent::clientAddress, AuditEvent::action, AuditEvent::target,
					AuditEvent::detail)
			.containsExactlyInAnyOrder(
					tuple("alice", "198.51.100.2", AuditAction.LINK_CREATED, "release link 12", "Office Gràcia"),
					tuple("bob", "198.51.100.3", AuditAction.LINK_REVOKED, "release link 12", "Office Gràcia"));
	}

}
