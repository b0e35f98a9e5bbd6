package org.unbanpanel.exec;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits for every external program the panel runs, on this machine or on another host.
 *
 * @param timeout how long one program may run before it is killed (default 10 s); a run waiting for a place (see
 * {@code maxConcurrent}) waits at most this long too
 * @param maxOutput how much of stdout and of stderr, each, is kept (default 64 MB, enough for a jail with 100,000
 * bans listed with their times)
 * @param maxConcurrent how many runs of one program (fail2ban-client, faillock, pam_tally2; behind sudo, the program
 * sudo runs) may be under way at once (default 4, which fills two cores: each is a process that mostly starts up).
 * Further runs wait for a place, so no flood of requests, and no hung fail2ban, can make the panel start more
 */
@ConfigurationProperties("panel.commands")
public record CommandsProperties(@DefaultValue("10s") Duration timeout, @DefaultValue("64MB") DataSize maxOutput,
		@DefaultValue("4") int maxConcurrent) {

	public CommandsProperties {
		if (maxConcurrent < 1) {
			throw new IllegalArgumentException("panel.commands.max-concurrent must be at least 1");
		}
	}

}
