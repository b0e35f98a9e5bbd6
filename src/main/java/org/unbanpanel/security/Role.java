package org.unbanpanel.security;

/** What a signed-in person may do. */
public enum Role {

	/** May release addresses and accounts. */
	ADMIN,
	/** May look at jails, jobs and the audit trail, and change nothing. */
	OPERATOR

}
