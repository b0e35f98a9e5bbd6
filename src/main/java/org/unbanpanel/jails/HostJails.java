package org.unbanpanel.jails;

import java.util.List;

import org.unbanpanel.core.Explanation;

/**
 * One host's section of {@code /jails}: its jails' counters, or why they cannot be read there.
 * @param jails {@code null} when the host's fail2ban cannot be asked
 * @param problem why, or {@code null}
 */
public record HostJails(String host, boolean local, List<JailSummary> jails, Explanation problem) {

	/** The address of one of this host's jail pages. */
	public String link(String jail) {
		return JailLinks.bans(host, jail);
	}

}
