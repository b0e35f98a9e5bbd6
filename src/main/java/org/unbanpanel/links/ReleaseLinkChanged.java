package org.unbanpanel.links;

/**
 * An admin made or revoked a release link, for the audit trail.
 * @param username the admin
 * @param clientAddress the address the admin connected from
 */
public record ReleaseLinkChanged(Change change, long linkId, String note, String username, String clientAddress) {

	public enum Change {

		CREATED, REVOKED

	}

	public String linkName() {
		return ReleaseLinkUsed.linkName(linkId);
	}

}
