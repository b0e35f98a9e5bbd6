package org.unbanpanel.jobs;

/**
 * What one value of a job is.
 */
public enum ItemKind {

	/** An IPv4 or IPv6 address or network, released from fail2ban. */
	IP,
	/** A user name, whose PAM failed-login count is reset. */
	ACCOUNT

}
