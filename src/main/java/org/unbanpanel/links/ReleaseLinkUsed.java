package org.unbanpanel.links;

import java.time.Instant;

import org.unbanpanel.core.BanTarget;

/**
 * A release link released its visitor's address: the job that does it is queued.
 * @param note the admin's note on the link, such as "Office Gràcia, fix Thunderbird"
 * @param visitor the address the visitor came from, as the panel sees it
 * @param jobId the job that releases it
 * @param at when the visitor asked
 */
public record ReleaseLinkUsed(long linkId, String note, BanTarget visitor, long jobId, Instant at) {

	/** How the panel names a link: as the submitter of the jobs it queues, and in the audit trail. */
	public static String linkName(long linkId) {
		return "release link " + linkId;
	}

	public String linkName() {
		return linkName(linkId);
	}

}
