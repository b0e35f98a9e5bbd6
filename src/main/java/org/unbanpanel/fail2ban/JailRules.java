package org.unbanpanel.fail2ban;

import java.time.Duration;
import java.util.List;

/**
 * What decides a jail's bans, as the running fail2ban reports it.
 * @param maxRetry failures within {@code findTime} that ban an address
 * @param banTime how long a ban lasts; negative for permanent bans
 * @param increment how bans grow for addresses banned before ({@code bantime.increment}), or {@code null} when
 * fail2ban reports it off or not at all
 * @param actions the names of the jail's actions, in fail2ban's order
 * @param ignoreIp the jail's ignore list as fail2ban holds it: its configuration and whatever was added at run time
 */
public record JailRules(String jail, int maxRetry, Duration findTime, Duration banTime, Increment increment,
		LogSources sources, List<String> actions, List<String> ignoreIp) {

	/**
	 * The settings of {@code bantime.increment = true}, each as fail2ban prints it, {@code null} when unset.
	 * @param factor {@code bantime.factor}
	 * @param multipliers {@code bantime.multipliers}, which replace the formula when set
	 * @param maxTime {@code bantime.maxtime}
	 */
	public record Increment(String factor, String multipliers, Duration maxTime) {
	}

	public boolean permanentBans() {
		return banTime.isNegative();
	}

}
