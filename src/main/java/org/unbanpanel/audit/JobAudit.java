package org.unbanpanel.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.unbanpanel.jobs.JailEntry;
import org.unbanpanel.jobs.JobActedOn;
import org.unbanpanel.jobs.JobSettled;
import org.unbanpanel.jobs.JobSubmitted;

/**
 * Records what the jobs module tells: each value submitted, and what came of it, with one entry per released ban
 * (its entry, its jail, the host of the fleet it was released on and the value asked for), so that filtering the trail by an address finds the release that
 * came from the network around it; and an admin's retry, cancel or run again of a job. Each event of a job's values
 * is recorded once, also when the registry hands it out again. An admin's action is recorded in the transaction that
 * makes it, as the sign-ins are ({@link SecurityAudit}): the entry is stored exactly when the action is, and no
 * publication is kept that a restart could hand out a second time. (Unlike a job's values, an action carries nothing
 * that would tell a replay from the same admin's second Retry now, so a replay could not be recognised.)
 */
@Component
class JobAudit {

	private static final List<AuditAction> OUTCOMES = List.of(AuditAction.UNBANNED, AuditAction.STILL_BLOCKED,
			AuditAction.NOT_BANNED, AuditAction.CLEARED, AuditAction.NOT_LOCKED, AuditAction.FAILED);

	private final AuditTrail trail;

	JobAudit(AuditTrail trail) {
		this.trail = trail;
	}

	@ApplicationModuleListener
	void submitted(JobSubmitted job) {
		List<Long> items = job.values().stream().map(JobSubmitted.Value::itemId).toList();
		if (!trail.recordedFor(items, List.of(AuditAction.SUBMITTED))) {
			trail.record(job.values()
				.stream()
				.map(value -> new AuditEntry(job.submittedBy(), job.clientAddress(), AuditAction.SUBMITTED, job.jobId(),
						value.value(), value.kind().name(), value.itemId(), null, null, null, null, value.host()))
				.toList());
		}
	}

	@ApplicationModuleListener
	void settled(JobSettled job) {
		List<Long> items = job.items().stream().map(JobSettled.SettledItem::itemId).toList();
		if (!trail.recordedFor(items, OUTCOMES)) {
			trail.record(job.items().stream().flatMap(item -> entries(job, item).stream()).toList());
		}
	}

	@EventListener
	void actedOn(JobActedOn acted) {
		AuditAction action = switch (acted.action()) {
			case RETRY_NOW -> AuditAction.RETRIED_NOW;
			case CANCEL -> AuditAction.CANCELLED;
			case RUN_AGAIN -> AuditAction.RUN_AGAIN;
		};
		trail.record(new AuditEntry(acted.username(), acted.clientAddress(), action, acted.jobId(), null,
				(acted.newJobId() != null) ? acted.newJobId().toString() : null));
	}

	/** One entry per ban released and per network that still blocks the value, or one for what came of it. */
	private static List<AuditEntry> entries(JobSettled job, JobSettled.SettledItem item) {
		List<AuditEntry> entries = new ArrayList<>();
		item.released().forEach(ban -> entries.add(ban(job, item, AuditAction.UNBANNED, ban)));
		item.covering().forEach(ban -> entries.add(ban(job, item, AuditAction.STILL_BLOCKED, ban)));
		switch (item.state()) {
			case NOT_BANNED -> entries.add(outcome(job, item, AuditAction.NOT_BANNED, null));
			case NOT_LOCKED -> entries.add(outcome(job, item, AuditAction.NOT_LOCKED, null));
			case CLEARED -> entries.add(outcome(job, item, AuditAction.CLEARED, item.failures()));
			case FAILED -> entries.add(new AuditEntry(job.submittedBy(), job.clientAddress(), AuditAction.FAILED,
					job.jobId(), item.value(), item.errorMessage(), item.itemId(), null, null, null,
					item.errorCode(), item.host()));
			default -> {
				// UNBANNED and PARTLY_UNBANNED are their bans
			}
		}
		return entries;
	}

	private static AuditEntry ban(JobSettled job, JobSettled.SettledItem item, AuditAction action, JailEntry ban) {
		String requested = Objects.equals(ban.entry(), item.value()) ? null : item.value();
		return new AuditEntry(job.submittedBy(), job.clientAddress(), action, job.jobId(), ban.entry(), null,
				item.itemId(), ban.jail(), requested, null, null, item.host());
	}

	private static AuditEntry outcome(JobSettled job, JobSettled.SettledItem item, AuditAction action,
			Integer failures) {
		return new AuditEntry(job.submittedBy(), job.clientAddress(), action, job.jobId(), item.value(), null,
				item.itemId(), null, null, failures, null, item.host());
	}

}
