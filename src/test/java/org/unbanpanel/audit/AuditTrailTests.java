package org.unbanpanel.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.unbanpanel.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AuditTrailTests {

	private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");

	private final TestDatabase database = new TestDatabase();

	private final AuditTrail trail = new AuditTrail(database.jdbc(), Clock.systemUTC());

	@Test
	void keepsEveryFieldOfARecordedEvent() {
		Instant at = Instant.parse("2026-11-25T10:15:30Z");
		AuditTrail trail = new AuditTrail(database.jdbc(), Clock.fixed(at, ZoneOffset.UTC));

		trail.record(new AuditEntry("admin", "203.0.113.7", AuditAction.UNBANNED, 42L, "198.51.100.20", null, 7L,
				"apache", "198.51.100.0/24", null, null, "mail"));
		trail.record(new AuditEntry("admin", "203.0.113.7", AuditAction.FAILED, 42L, "admin", "no such user", 8L, null,
				null, null, "account.UNKNOWN_USER", "local"));

		assertThat(trail.recent(10)).containsExactly(
				new AuditEvent(2, at, "admin", "203.0.113.7", AuditAction.FAILED, 42L, "admin", "no such user", 8L, null,
						null, null, "account.UNKNOWN_USER", "local"),
				new AuditEvent(1, at, "admin", "203.0.113.7", AuditAction.UNBANNED, 42L, "198.51.100.20", null, 7L,
						"apache", "198.51.100.0/24", null, null, "mail"));
	}

	@Test
	void listsTheLatestEventsNewestFirst() {
		for (int minute = 0; minute < 5; minute++) {
			recordAt(START.plusSeconds(60 * minute), "admin", "10.0.0." + minute);
		}

		List<AuditEvent> recent = trail.recent(3);

		assertThat(recent).extracting(AuditEvent::target).containsExactly("10.0.0.4", "10.0.0.3", "10.0.0.2");
	}

	@Test
	void pagesThroughEveryEventNewestFirstWithTheTotal() {
		for (int minute = 0; minute < 5; minute++) {
			recordAt(START.plusSeconds(60 * minute), "admin", "10.0.0." + minute);
		}

		AuditPage first = trail.find(AuditFilter.NONE, 1, 2);
		AuditPage last = trail.find(AuditFilter.NONE, 3, 2);

		assertThat(first.events()).extracting(AuditEvent::target).containsExactly("10.0.0.4", "10.0.0.3");
		assertThat(first.total()).isEqualTo(5);
		assertThat(first.totalPages()).isEqualTo(3);
		assertThat(first.hasPrevious()).isFalse();
		assertThat(first.hasNext()).isTrue();
		assertThat(last.events()).extracting(AuditEvent::target).containsExactly("10.0.0.0");
		assertThat(last.hasNext()).isFalse();
		assertThat(trail.find(AuditFilter.NONE, 4, 2).events()).isEmpty();
	}

	@Test
	void ordersEventsRecordedAtTheSameInstantByTheirId() {
		recordAt(START, "admin", "first");
		recordAt(START, "admin", "second");

		assertThat(trail.find(AuditFilter.NONE, 1, 10).events()).extracting(AuditEvent::target)
			.containsExactly("second", "first");
	}

	@Test
	void filtersByTheExactUser() {
		recordAt(START, "alice", "4.4.4.4");
		recordAt(START, "alice2", "5.5.5.5");
		recordAt(START, "bob", "6.6.6.6");

		AuditPage page = trail.find(new AuditFilter("alice", null, null, null), 1, 10);

		assertThat(page.events()).extracting(AuditEvent::target).containsExactly("4.4.4.4");
		assertThat(page.total()).isEqualTo(1);
	}

	@Test
	void filtersByPartOfTheValueIgnoringCase() {
		recordAt(START, "admin", "2001:db8::6");
		recordAt(START, "admin", "198.51.100.0/24");
		recordAt(START, "admin", "admin");

		assertThat(targets(new AuditFilter(null, "DB8", null, null))).containsExactly("2001:db8::6");
		assertThat(targets(new AuditFilter(null, "51.100", null, null))).containsExactly("198.51.100.0/24");
	}

	/** Issue 9: the release of 198.51.100.20 through its network is found by filtering for either. */
	@Test
	void findsAReleasedBanByItsEntryAndByTheValueAskedFor() {
		trail.record(new AuditEntry("admin", "203.0.113.7", AuditAction.UNBANNED, 1L, "198.51.100.20", null, 3L, "apache",
				"198.51.100.0/24", null, null, "local"));
		recordAt(START, "admin", "203.0.113.9");

		assertThat(targets(new AuditFilter(null, "198.51.100.20", null, null))).containsExactly("198.51.100.20");
		assertThat(targets(new AuditFilter(null, "198.51.100.0/24", null, null))).containsExactly("198.51.100.20");
	}

	@Test
	void takesLikeWildcardsInTheValueLiterally() {
		recordAt(START, "admin", "web_admin");
		recordAt(START, "admin", "webXadmin");
		recordAt(START, "admin", "100%");

		assertThat(targets(new AuditFilter(null, "b_a", null, null))).containsExactly("web_admin");
		assertThat(targets(new AuditFilter(null, "%", null, null))).containsExactly("100%");
		assertThat(targets(new AuditFilter(null, "\\", null, null))).isEmpty();
	}

	@Test
	void filtersByTimeFromIncludedUntilExcluded() {
		recordAt(Instant.parse("2026-11-24T23:59:59Z"), "admin", "before");
		recordAt(Instant.parse("2026-11-25T00:00:00Z"), "admin", "first");
		recordAt(Instant.parse("2026-11-25T23:59:59Z"), "admin", "last");
		recordAt(Instant.parse("2026-11-26T00:00:00Z"), "admin", "after");

		assertThat(targets(new AuditFilter(null, null, Instant.parse("2026-11-25T00:00:00Z"),
				Instant.parse("2026-11-26T00:00:00Z"))))
			.containsExactly("last", "first");
	}

	@Test
	void combinesEveryFilterAndPagesTheResult() {
		for (int minute = 0; minute < 6; minute++) {
			recordAt(START.plusSeconds(60 * minute), (minute % 2 == 0) ? "alice" : "bob", "10.0.0." + minute);
		}
		AuditFilter filter = new AuditFilter("alice", "10.0.0", START.plusSeconds(60), null);

		AuditPage page = trail.find(filter, 1, 1);

		assertThat(page.events()).extracting(AuditEvent::target).containsExactly("10.0.0.4");
		assertThat(page.total()).isEqualTo(2);
		assertThat(trail.find(filter, 2, 1).events()).extracting(AuditEvent::target).containsExactly("10.0.0.2");
	}

	@Test
	void refusesAPageThatCannotExist() {
		assertThatIllegalArgumentException().isThrownBy(() -> trail.find(AuditFilter.NONE, 0, 10));
		assertThatIllegalArgumentException().isThrownBy(() -> trail.find(AuditFilter.NONE, 1, 0));
	}

	private List<String> targets(AuditFilter filter) {
		return trail.find(filter, 1, 100).events().stream().map(AuditEvent::target).toList();
	}

	private void recordAt(Instant at, String username, String target) {
		new AuditTrail(database.jdbc(), Clock.fixed(at, ZoneOffset.UTC))
			.record(new AuditEntry(username, "203.0.113.7", AuditAction.SUBMITTED, null, target, null));
	}

}
