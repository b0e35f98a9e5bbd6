package org.unbanpanel.fail2ban;

import java.time.Duration;

/**
 * One jail's counters as {@code fail2ban-client status <jail>} reports them, and its ban time.
 * @param banTime how long a ban lasts; negative for permanent bans ({@code bantime = -1})
 */
public record JailStatus(String name, int currentlyFailed, int totalFailed, int currentlyBanned, int totalBanned,
		Duration banTime) {

	public boolean permanentBans() {
		return banTime.isNegative();
	}

}
