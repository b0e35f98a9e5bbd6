package org.unbanpanel.lookup;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import org.unbanpanel.core.Explanation;
import org.unbanpanel.pam.LockRecord;

/**
 * What the lookup found, for the page and the JSON alike. A part not asked for is {@code null}.
 * @param address the address or network looked up, canonical
 * @param bans every ban that holds it, in the server's jail order
 * @param fail2banProblem why fail2ban could not be asked, or {@code null}
 * @param fail2banNotAnsweringSince since when fail2ban has answered nothing, when it is silent (hung): the bans are
 * then the last state it reported; {@code null} (left out of the JSON) while it answers
 * @param lock the user's failed logins
 * @param accountProblem why the lock record could not be read, or {@code null}
 */
record LookupResult(String address, List<JailBan> bans, Explanation fail2banProblem,
		Instant fail2banNotAnsweringSince, String user, LockRecord lock, Explanation accountProblem) {

	/** Whether "Release everything" has something to release. */
	public boolean foundAnything() {
		return bannedAddress() != null || lockedUser() != null;
	}

	/** The address when a jail holds it, else {@code null}. */
	public String bannedAddress() {
		return (bans != null && !bans.isEmpty()) ? address : null;
	}

	/** The user when failures are held against it, else {@code null}. */
	public String lockedUser() {
		return (lock != null && lock.hasFailures()) ? user : null;
	}

	/**
	 * One ban of the address, in the server's local time.
	 * @param entry the address or network as the jail holds it
	 */
	record JailBan(String jail, String entry, LocalDateTime start, LocalDateTime end, boolean permanent) {
	}

}
