package org.unbanpanel.fail2ban;

/**
 * One ban fail2ban holds that concerns a target: which jail holds which entry, and how that entry lies to the target.
 * @param entry the address or network exactly as the jail holds it: the one to name when releasing it
 * ({@code ::ffff:192.0.2.2} and {@code 192.0.2.2} are two entries for the same address)
 */
public record HeldBan(String jail, String entry, Overlap overlap) {

	/** How a ban lies to the target it was found for. */
	public enum Overlap {

		/** The target itself, in whichever form the jail holds it. */
		OWN,
		/** An address or smaller network inside the target, which is a network. */
		INSIDE,
		/** A wider banned network the target lies in: releasing the target leaves it blocked by this one. */
		AROUND

	}

	/** Whether releasing the target releases this ban: its own entries and those inside it, never a wider one. */
	public boolean releasedWithTarget() {
		return overlap != Overlap.AROUND;
	}

}
