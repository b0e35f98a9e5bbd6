package org.unbanpanel.fail2ban;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the panel reaches fail2ban.
 *
 * @param command the program and leading arguments that run fail2ban-client; the fail2ban command words are
 * appended after {@code --}. Default {@code [fail2ban-client]}, found on the PATH, for a panel running as root. In
 * production, with a sudoers rule for the panel's user: {@code [sudo, -n, /usr/bin/fail2ban-client]}. The tests use
 * {@code [/usr/bin/fail2ban-client, -c, <confdir>, -s, <socket>]} against a private server.
 * @param unbanBatch how many entries one {@code unban} (or {@code set <jail> unbanip}) call names at most; a larger
 * release is split into several calls (default 250). fail2ban runs the jail's unban action once per entry and updates
 * its database in every jail, so a call lasts about that many times their cost: on the loaded test machine a call of
 * 250 took at most 6 s with fail2ban's dummy action (a shell per entry, 15 to 22 ms each), a call of 500 up to 11 s,
 * beyond the 10 s timeout; with an action that runs nothing, a call of 250 took 0.3 to 0.6 s and one of all 20,000
 * bans 13 s (README, figures: {@code UnbanSplitBenchmark})
 * @param unbanTimePerEntry how much longer than {@code panel.commands.timeout} an unban call may run for each entry it
 * names, so that a full call has the time its size needs (default 25 ms: a call of 250 may take 16.25 s, almost three
 * times the slowest measured)
 */
@ConfigurationProperties("panel.fail2ban")
record Fail2banProperties(List<String> command, int unbanBatch, Duration unbanTimePerEntry) {

	static final int DEFAULT_UNBAN_BATCH = 250;

	static final Duration DEFAULT_UNBAN_TIME_PER_ENTRY = Duration.ofMillis(25);

	@ConstructorBinding
	Fail2banProperties(@DefaultValue("fail2ban-client") List<String> command,
			@DefaultValue("" + DEFAULT_UNBAN_BATCH) int unbanBatch, @DefaultValue("25ms") Duration unbanTimePerEntry) {
		if (command.isEmpty()) {
			throw new IllegalArgumentException("panel.fail2ban.command must name a program");
		}
		if (unbanBatch < 1) {
			throw new IllegalArgumentException("panel.fail2ban.unban-batch must be at least 1");
		}
		if (unbanTimePerEntry.isNegative()) {
			throw new IllegalArgumentException("panel.fail2ban.unban-time-per-entry cannot be negative");
		}
		this.command = List.copyOf(command);
		this.unbanBatch = unbanBatch;
		this.unbanTimePerEntry = unbanTimePerEntry;
	}

	/** The given command with the default split and time per entry. */
	Fail2banProperties(List<String> command) {
		this(command, DEFAULT_UNBAN_BATCH, DEFAULT_UNBAN_TIME_PER_ENTRY);
	}

}
