package org.unbanpanel.hosts;

import java.time.Instant;

import org.unbanpanel.core.Explanation;

/**
 * Whether the panel can reach a host, as it found when it last tried; data for the hosts page, which words it.
 *
 * @param problem what went wrong, in the transport's words; {@code null} unless unreachable or refused
 * @param pinnedFingerprint the fingerprint of the pinned host key; {@code null} for the local machine
 * @param presentedFingerprint the fingerprint of the key the host showed instead, when it was not the pinned one
 * @param lastContact when the host last answered the panel, {@code null} if never since the panel started
 */
record HostStatus(Reachability reachability, Explanation problem, String pinnedFingerprint, String presentedFingerprint,
		Instant lastContact) {

	enum Reachability {

		/** The machine the panel runs on: no connection to make. */
		LOCAL,
		/** Not asked yet since the panel started. */
		NOT_TRIED,
		/** Logged in: commands run there. */
		REACHABLE,
		/** No connection, no answer in time, or the connection was lost. */
		UNREACHABLE,
		/** The host showed another key than the pinned one: refused, nothing runs there. */
		KEY_MISMATCH,
		/** The host did not accept the panel's key for the configured user. */
		NOT_AUTHORIZED

	}

	static HostStatus local() {
		return new HostStatus(Reachability.LOCAL, null, null, null, null);
	}

	boolean reachable() {
		return reachability == Reachability.LOCAL || reachability == Reachability.REACHABLE;
	}

}
