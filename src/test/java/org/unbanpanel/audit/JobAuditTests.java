package org.unbanpanel.audit;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.unbanpanel.jobs.Failure;
import org.unbanpanel.jobs.ItemKind;
import org.unbanpanel.jobs.ItemState;
import org.unbanpanel.jobs.JailEntry;
import org.unbanpanel.jobs.JobActedOn;
import org.unbanpanel.jobs.JobSettled;
import org.unbanpanel.jobs.JobState;
import org.unbanpanel.jobs.JobSubmitted;
import org.unbanpanel.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** What the audit trail records of the jobs' events, with a real database. */
class JobAuditTests {

	private final TestDatabase database = new TestDatabase();

	private final AuditTrail trail = new AuditTrail(database.jdbc(), Clock.systemUTC());

	private final JobAudit audit = new JobAudit(trail);

	/** Issue 9: one entry per released ban, so that the address released through its network is found. */
	@Test
	void recordsOneEntryPerReleasedBanWithItsJailAndTheValueAskedFor() {
		audit.settled(settled(
				new JobSettled.SettledItem(1, "local", ItemKind.IP, "198.51.100.0/24", ItemState.UNBANNED,
						List.of(new JailEntry("sshd", "198.51.100.0/24"), new JailEntry("apache", "198.51.100.20")),
						List.of(), List.of(), 0, null, null),
				new JobSettled.SettledItem(2, "local", ItemKind.IP, "203.0.113.7", ItemState.PARTLY_UNBANNED,
						List.of(new JailEntry("dovecot", "203.0.113.7")), List.of(),
						List.of(new JailEntry("sshd", "203.0.113.0/24")), 0, null, null)));

		assertThat(trail.recent(10)).allSatisfy(event -> {
			assertThat(event.username()).isEqualTo("alice");
			assertThat(event.jobId()).isEqualTo(42L);
		})
			.extracting(AuditEvent::action, AuditEvent::target, AuditEvent::jail, AuditEvent::requested,
					AuditEvent::itemId)
			.containsExactlyInAnyOrder(tuple(AuditAction.UNBANNED, "198.51.100.0/24", "sshd", null, 1L),
					tuple(AuditAction.UNBANNED, "198.51.100.20", "apache", "198.51.100.0/24", 1L),
					tuple(AuditAction.UNBANNED, "203.0.113.7", "dovecot", null, 2L),
					tuple(AuditAction.STILL_BLOCKED, "203.0.113.0/24", "sshd", "203.0.113.7", 2L));
		assertThat(trail.find(new AuditFilter(null, "198.51.100.20", null, null), 1, 10).events())
			.extracting(AuditEvent::requested)
			.containsExactly("198.51.100.0/24");
	}

	@Test
	void namesTheHostEachBanWasReleasedOn() {
		audit.settled(settled(
				new JobSettled.SettledItem(1, "local", ItemKind.IP, "203.0.113.7", ItemState.UNBANNED,
						List.of(new JailEntry("sshd", "203.0.113.7")), List.of(), List.of(), 0, null, null),
				new JobSettled.SettledItem(2, "mail", ItemKind.IP, "203.0.113.7", ItemState.UNBANNED,
						List.of(new JailEntry("dovecot", "203.0.113.7")), List.of(), List.of(), 0, null, null)));

		assertThat(trail.recent(10)).extracting(AuditEvent::host, AuditEvent::jail, AuditEvent::target)
			.containsExactlyInAnyOrder(tuple("local", "sshd", "203.0.113.7"), tuple("mail", "dovecot", "203.0.113.7"));
	}

	@Test
	void recordsWhatCameOfTheOtherValues() {
		audit.settled(settled(
				new JobSettled.SettledItem(3, "local", ItemKind.IP, "192.0.2.9", ItemState.NOT_BANNED, List.of(), List.of(),
						List.of(), 0, null, null),
				new JobSettled.SettledItem(4, "local", ItemKind.ACCOUNT, "admin", ItemState.CLEARED, List.of(), List.of(),
						List.of(), 5, null, null),
				new JobSettled.SettledItem(5, "local", ItemKind.ACCOUNT, "bob", ItemState.FAILED, List.of(), List.of(),
						List.of(), 0, "account.UNKNOWN_USER", "faillock knows no user bob")));

		assertThat(trail.recent(10))
			.extracting(AuditEvent::action, AuditEvent::target, AuditEvent::failures, AuditEvent::errorCode,
					AuditEvent::detail)
			.containsExactlyInAnyOrder(tuple(AuditAction.NOT_BANNED, "192.0.2.9", null, null, null),
					tuple(AuditAction.CLEARED, "admin", 5, null, null),
					tuple(AuditAction.FAILED, "bob", null, "account.UNKNOWN_USER", "faillock knows no user bob"));
	}

	@Test
	void recordsWhoRetriedCancelledOrRanAJobAgain() {
		audit.actedOn(new JobActedOn(42, JobActedOn.Action.RETRY_NOW, "bob", "198.51.100.9", null));
		audit.actedOn(new JobActedOn(42, JobActedOn.Action.CANCEL, "bob", "198.51.100.9", null));
		audit.actedOn(new JobActedOn(42, JobActedOn.Action.RUN_AGAIN, "carol", "198.51.100.10", 43L));

		assertThat(trail.recent(10))
			.extracting(AuditEvent::action, AuditEvent::username, AuditEvent::clientAddress, AuditEvent::jobId,
					AuditEvent::detail)
			.containsExactlyInAnyOrder(tuple(AuditAction.RETRIED_NOW, "bob", "198.51.100.9", 42L, null),
					tuple(AuditAction.CANCELLED, "bob", "198.51.100.9", 42L, null),
					tuple(AuditAction.RUN_AGAIN, "carol", "198.51.100.10", 42L, "43"));
	}

	/** The registry hands an event out again when the panel stopped before it knew the listener was done. */
	@Test
	void recordsAnEventHandedOutTwiceOnce() {
		JobSubmitted submitted = new JobSubmitted(42, "alice", "203.0.113.1",
				List.of(new JobSubmitted.Value(1, "local", ItemKind.IP, "192.0.2.9")));
		JobSettled settled = settled(new JobSettled.SettledItem(1, "local", ItemKind.IP, "192.0.2.9", ItemState.NOT_BANNED,
				List.of(), List.of(), List.of(), 0, null, null));

		audit.submitted(submitted);
		audit.settled(settled);
		audit.submitted(submitted);
		audit.settled(settled);

		assertThat(trail.recent(10)).extracting(AuditEvent::action)
			.containsExactlyInAnyOrder(AuditAction.SUBMITTED, AuditAction.NOT_BANNED);
	}

	private static JobSettled settled(JobSettled.SettledItem... items) {
		return new JobSettled(42, "alice", "203.0.113.1", JobState.DONE, Duration.ZERO, List.of(), List.of(items),
				List.of(), Map.of());
	}

}
