package org.unbanpanel.evidence;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.unbanpanel.core.Explanation;

/**
 * How often fail2ban banned an address lately, read from fail2ban's own log (and its rotated copies), and when this
 * panel last released it, from the audit trail.
 *
 * @param address the address, canonical
 * @param period how far back the history reaches ({@code panel.evidence.history})
 * @param bans every ban in that time, oldest first ("Restore Ban" after a restart is not a new ban)
 * @param days how many days the bans span, from the first to now, a day begun counting as a day; 0 without bans
 * @param jails the bans per jail, most first, each with the accounts its bans' failures tried
 * @param lastRelease the last release of the address by this panel, or {@code null}
 * @param problems fail2ban's log, or parts of it, that could not be read, and why
 * @param logsFrom where fail2ban's oldest log line is when that is within the period, else {@code null}
 * @param fail2banProblem why fail2ban could not be asked where it logs, or {@code null}
 */
public record History(String address, Duration period, List<PastBan> bans, long days, List<JailBans> jails,
		Release lastRelease,
		List<SourceProblem> problems, Instant logsFrom, Explanation fail2banProblem) {

	/** One ban, as fail2ban logged it. */
	public record PastBan(String jail, Instant at) {
	}

	/** The bans of one jail, and the accounts the failures behind them tried. */
	public record JailBans(String jail, int bans, List<Evidence.AccountCount> accounts) {
	}

	/** A release by this panel: when, by whom, in which job. */
	public record Release(Instant at, String by, Long jobId) {
	}

	/** How many days the bans span, from the first to {@code now}, a day begun counting as a day. */
	static long days(List<PastBan> bans, Instant now) {
		if (bans.isEmpty()) {
			return 0;
		}
		long seconds = Duration.between(bans.get(0).at(), now).getSeconds();
		return Math.max(1, (seconds + 86_399) / 86_400);
	}

	/** The jail with the most bans, {@code null} when there is none. */
	public JailBans topJail() {
		return jails.stream().max(Comparator.comparingInt(JailBans::bans)).orElse(null);
	}

}
