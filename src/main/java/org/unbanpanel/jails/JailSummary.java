package org.unbanpanel.jails;

import java.time.Instant;

import org.unbanpanel.fail2ban.JailStatus;

/**
 * One jail's line on {@code /jails} and in {@code GET /api/v1/jails}.
 * @param host the host whose fail2ban runs the jail ({@code local} for this machine)
 * @param banTimeSeconds how long a ban lasts, {@code -1} when bans are permanent
 * @param notAnsweringSince since when fail2ban has answered nothing, when it is silent (hung): the line is then the
 * last state it reported; {@code null} (left out of the JSON) while it answers
 */
public record JailSummary(String host, String name, int currentlyFailed, int totalFailed, int currentlyBanned, int totalBanned,
		long banTimeSeconds, boolean permanent, Instant notAnsweringSince) {

	static JailSummary of(String host, JailStatus status, Instant notAnsweringSince) {
		return new JailSummary(host, status.name(), status.currentlyFailed(), status.totalFailed(), status.currentlyBanned(),
				status.totalBanned(), status.permanentBans() ? -1 : status.banTime().getSeconds(), status.permanentBans(),
				notAnsweringSince);
	}

}
