package org.unbanpanel.security;

/**
 * What the security module tells the rest of the panel about signing in and the second factor, for the audit trail.
 * Never carries a password or a code.
 *
 * @param username the user; for a failed or refused attempt the name as typed, percent-encoded as in the auth log
 * @param clientAddress the address the attempt came from, an IPv4-mapped one as IPv4
 */
public record SecurityEvent(Kind kind, String username, String clientAddress) {

	public enum Kind {

		/** A user was signed in to the pages: password right, and the code too where one is needed. */
		SIGNED_IN,
		/** A password was wrong (or the user name unknown), on the sign-in form, the API or a confirmation. */
		WRONG_PASSWORD,
		/** A second factor's code was wrong. */
		WRONG_CODE,
		/** An attempt was refused without a check: too many failed sign-ins from its address or for its name. */
		THROTTLED,
		/** A user turned the second factor on. */
		TOTP_ENROLLED,
		/** A user turned the second factor off. */
		TOTP_REMOVED

	}

}
