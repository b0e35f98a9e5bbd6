package org.unbanpanel.audit;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.unbanpanel.links.ReleaseLinkChanged;
import org.unbanpanel.links.ReleaseLinkUsed;

/** Keeps what the links module publishes: links made and revoked, and every release through one. */
@Component
class LinkAudit {

	private final AuditTrail trail;

	LinkAudit(AuditTrail trail) {
		this.trail = trail;
	}

	@ApplicationModuleListener
	void used(ReleaseLinkUsed used) {
		String visitor = used.visitor().value();
		trail.record(new AuditEntry(used.linkName(), visitor, AuditAction.LINK_USED, used.jobId(), visitor,
				used.note()));
	}

	@ApplicationModuleListener
	void changed(ReleaseLinkChanged changed) {
		AuditAction action = switch (changed.change()) {
			case CREATED -> AuditAction.LINK_CREATED;
			case REVOKED -> AuditAction.LINK_REVOKED;
		};
		trail.record(new AuditEntry(changed.username(), changed.clientAddress(), action, null, changed.linkName(),
				changed.note()));
	}
}
