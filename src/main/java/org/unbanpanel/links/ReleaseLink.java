package org.unbanpanel.links;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A release link as stored (its token is not: only its hash).
 * @param jails the jails it may release from; empty for every jail
 * @param includeProtected whether it may also release from the protected jails ({@code panel.links.protected-jails})
 * @param trustFor how long a released address is trusted afterwards; zero for not at all
 * @param uses the releases it has made
 * @param revokedAt when an admin revoked it, or {@code null}
 */
record ReleaseLink(long id, String note, List<String> jails, boolean includeProtected, Duration trustFor,
		int maxUses, int uses, Instant createdAt, String createdBy, Instant expiresAt, Instant revokedAt,
		String revokedBy) {

	ReleaseLink {
		jails = List.copyOf(jails);
	}

	enum State {

		ACTIVE, USED_UP, EXPIRED, REVOKED

	}

	public State state(Instant now) {
		if (revokedAt != null) {
			return State.REVOKED;
		}
		if (uses >= maxUses) {
			return State.USED_UP;
		}
		return now.isBefore(expiresAt) ? State.ACTIVE : State.EXPIRED;
	}

	/** Whether the jail is one the link names, or it names none (every jail). */
	public boolean names(String jail) {
		return jails.isEmpty() || jails.contains(jail);
	}

	/** The trust in whole hours, for the pages; 0 for none. */
	public long trustHours() {
		return trustFor.toHours();
	}

	/** What the link's use is called as the one who submitted its job and in the audit trail. */
	String actor() {
		return ReleaseLinkUsed.linkName(id);
	}

}
