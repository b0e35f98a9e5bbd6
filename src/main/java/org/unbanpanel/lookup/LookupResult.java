package org.unbanpanel.lookup;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import org.unbanpanel.core.Explanation;
import org.unbanpanel.evidence.Evidence;
import org.unbanpanel.evidence.History;
import org.unbanpanel.fail2ban.HeldBan;
import org.unbanpanel.pam.LockRecord;
import org.unbanpanel.pam.LockState;

/**
 * What the lookup found on one host, for the page and the JSON alike. A part not asked for is {@code null}, and so is
 * one whose tool could not be asked: then its problem says why, and nothing is claimed about it. The evidence, the
 * history, the last ban and the lock's countdown come from the local machine's log files and PAM stack: on another
 * host they are {@code null} ({@link #evidenceElsewhere}).
 * @param host the host's name, {@code local} for this machine
 * @param local whether it is the machine the panel runs on
 * @param unreachable why the host could not be reached (or did not answer in time), or {@code null}; when it is set,
 * every other part is {@code null}
 * @param address the address or network looked up, canonical
 * @param bans every ban that blocks it (its own entries, the banned networks around it) and, for a network, every
 * ban inside it, in the server's jail order, each own ban with the evidence behind it; {@code null} when fail2ban
 * could not be asked
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
record LookupResult(String host, boolean local, Explanation unreachable, String address, List<JailBan> bans, Explanation fail2banProblem,
		Instant fail2banNotAnsweringSince, History history, Evidence lastBan,
		String user, LockRecord lock, LockState lockState, Explanation accountProblem, Explanation policyProblem,
		List<NamedLock> lockedAccounts) {

	/** A host that gave no answer, and why. */
	static LookupResult unreachable(String host, boolean local, Explanation problem) {
		return new LookupResult(host, local, problem, null, null, null, null, null, null, null, null, null, null, null,
				List.of());
	}

	/** Whether "Release everything" has something to release. */
	public boolean foundAnything() {
		return bannedAddress() != null || lockedUser() != null || !lockedAccounts.isEmpty();
	}

	/**
	 * Whether the host, or one of its tools, could not be asked: the address or user may be held here unseen, so
	 * "Release everything" releases here too.
	 */
	public boolean notAsked() {
		return unreachable != null || fail2banProblem != null || accountProblem != null;
	}

	/** Whether the address's own bans here have evidence the panel cannot read: it reads this machine's logs only. */
	public boolean evidenceElsewhere() {
		return !local && bans != null && bans.stream().anyMatch(JailBan::own);
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
		return unreachable == null && !foundAnything() && !blockedByNetwork() && fail2banProblem == null
				&& accountProblem == null;
	}

	/** The user when failures are held against it, else {@code null}. */
	public String lockedUser() {
		return (lock != null && lock.hasFailures()) ? user : null;
	}

	/**
	 * One ban of the address, in the server's local time.
	 * @param entry the address or network as the jail holds it
	 * @param overlap whether it is the address's own ban, one inside the network looked up, or a network around it
	 * @param evidence why fail2ban banned it; {@code null} for a network entry, which no log line leads to
	 */
	record JailBan(String jail, String entry, LocalDateTime start, LocalDateTime end, boolean permanent,
			HeldBan.Overlap overlap, Evidence evidence) {

		boolean own() {
			return overlap == HeldBan.Overlap.OWN;
		}

	}

	/** A locked account the evidence names, and when its lock ends. */
	record NamedLock(String user, LockRecord lock, LockState state) {
	}

}
