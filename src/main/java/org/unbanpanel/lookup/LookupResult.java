package org.unbanpanel.lookup;

import java.time.LocalDateTime;
import java.util.List;

import org.unbanpanel.core.Explanation;
import org.unbanpanel.fail2ban.HeldBan;
import org.unbanpanel.pam.LockRecord;

/**
 * What the lookup found, for the page and the JSON alike. A part not asked for is {@code null}, and so is one whose
 * tool could not be asked: then its problem says why, and nothing is claimed about it.
 * @param address the address or network looked up, canonical
 * @param bans every ban that blocks it (its own entries, the banned networks around it) and, for a network, every
 * ban inside it, in the server's jail order; {@code null} when fail2ban could not be asked
 * @param fail2banProblem why fail2ban could not be asked, or {@code null}
 * @param lock the user's failed logins
 * @param accountProblem why the lock record could not be read, or {@code null}
 */
record LookupResult(String address, List<JailBan> bans, Explanation fail2banProblem, String user, LockRecord lock,
		Explanation accountProblem) {

	/** Whether "Release everything" has something to release. */
	public boolean foundAnything() {
		return bannedAddress() != null || lockedUser() != null;
	}

	/** The address when releasing it releases something (its own ban or one inside it), else {@code null}. */
	public String bannedAddress() {
		return (bans != null && bans.stream().anyMatch(ban -> ban.overlap() != HeldBan.Overlap.AROUND)) ? address : null;
	}

	/** Whether a wider banned network blocks the address, which releasing the address alone does not lift. */
	public boolean blockedByNetwork() {
		return bans != null && bans.stream().anyMatch(ban -> ban.overlap() == HeldBan.Overlap.AROUND);
	}

	/** Whether anything could be asked and nothing was found: only then does the page say there is nothing to do. */
	public boolean knownToBeClear() {
		return !foundAnything() && !blockedByNetwork() && fail2banProblem == null && accountProblem == null;
	}

	/** The user when failures are held against it, else {@code null}. */
	public String lockedUser() {
		return (lock != null && lock.hasFailures()) ? user : null;
	}

	/**
	 * One ban of the address, in the server's local time.
	 * @param entry the address or network as the jail holds it
	 * @param overlap whether it is the address's own ban, one inside the network looked up, or a network around it
	 */
	record JailBan(String jail, String entry, LocalDateTime start, LocalDateTime end, boolean permanent,
			HeldBan.Overlap overlap) {
	}

}
