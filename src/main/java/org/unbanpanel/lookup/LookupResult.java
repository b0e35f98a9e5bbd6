package org.unbanpanel.lookup;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import org.unbanpanel.core.Explanation;
import org.unbanpanel.evidence.Evidence;
import org.unbanpanel.evidence.History;
import org.unbanpanel.pam.LockRecord;
import org.unbanpanel.pam.LockState;

/**
 * What the lookup found, for the page and the JSON alike. A part not asked for is {@code null}.
 * @param address the address or network looked up, canonical
 * @param bans every ban that holds it, in the server's jail order, each with the evidence behind it
 * @param fail2banProblem why fail2ban could not be asked, or {@code null}
 * @param fail2banNotAnsweringSince since when fail2ban has answered nothing, when it is silent (hung): the bans are
 * then the last state it reported; {@code null} (left out of the JSON) while it answers
 * @param history how often the address was banned lately, {@code null} for a network or when fail2ban cannot be asked
 * @param lastBan the evidence of its latest ban, when it is banned nowhere now (released, or run out), else
 * {@code null}
 * @param lock the user's failed logins
 * @param lockState where the user stands against the lock policy, {@code null} when the policy cannot be read
 * @param accountProblem why the lock record could not be read, or {@code null}
 * @param policyProblem why the lock policy could not be read (so no countdown is shown), or {@code null}
 * @param lockedAccounts accounts the evidence names that are locked right now (the user looked up left out), which
 * the same release can clear
 */
record LookupResult(String address, List<JailBan> bans, Explanation fail2banProblem,
		Instant fail2banNotAnsweringSince, History history, Evidence lastBan,
		String user, LockRecord lock, LockState lockState, Explanation accountProblem, Explanation policyProblem,
		List<NamedLock> lockedAccounts) {

	/** Whether "Release everything" has something to release. */
	public boolean foundAnything() {
		return bannedAddress() != null || lockedUser() != null || !lockedAccounts.isEmpty();
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
	 * @param evidence why fail2ban banned it; {@code null} for a network entry, which no log line leads to
	 */
	record JailBan(String jail, String entry, LocalDateTime start, LocalDateTime end, boolean permanent,
			Evidence evidence) {
	}

	/** A locked account the evidence names, and when its lock ends. */
	record NamedLock(String user, LockRecord lock, LockState state) {
	}

}
