package org.unbanpanel.fail2ban;

import java.util.List;
import org.unbanpanel.core.BanTarget;

/**
 * What happened to one target.
 * @param jails the jails it was released from ({@link Result#UNBANNED}) or still held by ({@link Result#FAILED})
 * @param message fail2ban's own words when it failed, otherwise empty
 */
public record UnbanOutcome(BanTarget target, Result result, List<String> jails, String message) {

	public enum Result {

		/** Was banned, and fail2ban now holds it in no jail. */
		UNBANNED,
		/** No jail held it: nothing was changed. */
		NOT_BANNED,
		/**
		 * fail2ban refused, the target is still banned afterwards, or a banned network around the address still
		 * blocks it (an address alone never releases the network it lies in).
		 */
		FAILED

	}

}
