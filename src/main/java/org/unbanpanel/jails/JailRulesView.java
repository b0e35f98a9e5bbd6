package org.unbanpanel.jails;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.unbanpanel.fail2ban.JailRules;

/**
 * {@code /jails/{name}/rules} and {@code GET /api/v1/jails/{name}/rules}: what decides the jail's bans, its ignore
 * list marked entry by entry as fail2ban's own configuration or a temporary trust of this panel.
 */
public record JailRulesView(JailRules rules, List<IgnoreEntry> ignoreIp) {

	/**
	 * One entry of the jail's ignore list.
	 * @param configured whether it is fail2ban's own (its configuration, or added by hand): the permanent allow list
	 * @param trustedUntil when the panel's trust of it ends, {@code null} when the panel does not trust it
	 * @param trustedBy who asked for that trust
	 */
	public record IgnoreEntry(String entry, boolean configured, Instant trustedUntil, String trustedBy) {
	}

	/** {@code bantime.maxtime} in seconds, {@code null} when there is no increment or no maximum. */
	public Long maxTimeSeconds() {
		Duration maxTime = rules.increment() == null ? null : rules.increment().maxTime();
		return maxTime == null ? null : maxTime.toSeconds();
	}

}
