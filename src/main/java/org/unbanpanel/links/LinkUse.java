package org.unbanpanel.links;

import java.time.Instant;

/**
 * One time a link's page was asked to release.
 * @param jobId the job it queued, or {@code null} when it released nothing
 */
record LinkUse(long id, long linkId, Instant usedAt, String clientAddress, Outcome outcome, Long jobId) {

	enum Outcome {

		/** The address was held in the link's jails and a job now releases it. */
		RELEASED,
		/** The link's jails did not hold the address: nothing to release. */
		NOT_BANNED,
		/** Only bans an admin must release held it: a wider network's, or a protected jail's. */
		ADMIN_ONLY,
		/** The link had made all its releases. */
		USED_UP,
		EXPIRED,
		REVOKED;

		static Outcome of(ReleaseLink.State state) {
			return switch (state) {
				case USED_UP -> USED_UP;
				case EXPIRED -> EXPIRED;
				case REVOKED -> REVOKED;
				case ACTIVE -> throw new IllegalArgumentException("an active link is used, not refused");
			};
		}

	}

}
