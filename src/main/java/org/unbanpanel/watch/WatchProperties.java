package org.unbanpanel.watch;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * How the panel watches released addresses for a new ban.
 *
 * @param watchFor {@code panel.watch.for}: how long after its release an address is watched (default 1 h); 0 s
 * watches nothing
 * @param every how often the watched addresses are looked up while any is watched (default 2 s): one
 * {@code fail2ban-client banned} run on each host with watched addresses each time, whatever their number, none while
 * nothing is watched. A new ban is seen at most this long, plus the look (the slowest host's run), after fail2ban made
 * it
 */
@ConfigurationProperties("panel.watch")
record WatchProperties(@Name("for") @DefaultValue("1h") Duration watchFor, @DefaultValue("2s") Duration every) {

	WatchProperties {
		if (watchFor.isNegative()) {
			throw new IllegalArgumentException("panel.watch.for cannot be negative");
		}
		if (every.isNegative() || every.isZero()) {
			throw new IllegalArgumentException("panel.watch.every must be longer than 0 s");
		}
	}

}
