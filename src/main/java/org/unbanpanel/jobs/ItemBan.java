package org.unbanpanel.jobs;

import org.unbanpanel.fail2ban.HeldBan;

/**
 * One ban a job's value met in fail2ban, and what became of it: the rows of {@code item_ban}.
 */
record ItemBan(String jail, String entry, HeldBan.Overlap overlap, Outcome outcome) {

	enum Outcome {

		/** Held when the job looked, to be released: kept while the value waits, so a retry knows it. */
		SEEN,
		/** Released for this value: it was held before and is not after. */
		RELEASED,
		/** Held still after the unban. */
		STILL_BANNED,
		/** A wider network that blocks the value afterwards ({@link HeldBan.Overlap#AROUND}). */
		COVERING

	}

	static ItemBan of(HeldBan held, Outcome outcome) {
		return new ItemBan(held.jail(), held.entry(), held.overlap(), outcome);
	}

	JailEntry jailEntry() {
		return new JailEntry(jail, entry);
	}

}
