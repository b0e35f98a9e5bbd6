package org.unbanpanel.jails;


import org.unbanpanel.fail2ban.JailStatus;

/**
 * One jail's line on {@code /jails} and in {@code GET /api/v1/jails}.
 * @param banTimeSeconds how long a ban lasts, {@code -1} when bans are permanent
 */
public record JailSummary(String name, int currentlyFailed, int totalFailed, int currentlyBanned, int totalBanned,
		long banTimeSeconds, boolean permanent) {

	static JailSummary of(JailStatus status) {
		return new JailSummary(status.name(), status.currentlyFailed(), status.totalFailed(), status.currentlyBanned(),
				status.totalBanned(), status.permanentBans() ? -1 : status.banTime().getSeconds(), status.permanentBans());
	}

}
