package org.unbanpanel.exec;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits for every external program the panel runs.
 *
 * @param timeout how long one program may run before it is killed (default 10 s)
 * @param maxOutput how much of stdout and of stderr, each, is kept (default 64 MB, enough for a jail with 100,000
 * bans listed with their times)
 */
@ConfigurationProperties("panel.commands")
record CommandsProperties(@DefaultValue("10s") Duration timeout, @DefaultValue("64MB") DataSize maxOutput) {
}
