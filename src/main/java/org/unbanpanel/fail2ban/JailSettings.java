package org.unbanpanel.fail2ban;

import java.time.Duration;

/**
 * How fail2ban is set up, read from the running server: what a jail reads and how it decides, where fail2ban logs.
 * Read-only; each method throws {@link Fail2banException} like {@link Fail2ban} does, and an
 * {@link org.unbanpanel.core.InvalidValueException} for a jail name that is not one, before anything runs. The
 * panel's one reads through its shared reads: a repeat within {@code panel.fail2ban.reads.settings-fresh-for} runs
 * nothing, and while fail2ban is silent a read answers the last state it reported, or fails at once.
 */
public interface JailSettings {

	/** The jail's log files, or its journal match: one fail2ban-client run, two for a journal jail. */
	LogSources logSources(String jail);

	/** How far back the jail counts failures ({@code findtime}). */
	Duration findTime(String jail);

	/**
	 * Everything {@link JailRules} holds: seven fail2ban-client runs side by side (eight for a journal jail), three
	 * more when {@code bantime.increment} is on.
	 */
	JailRules rules(String jail);

	/**
	 * Where fail2ban writes its own log ({@code get logtarget}): a file, or {@code SYSLOG}, {@code SYSTEMD-JOURNAL},
	 * {@code STDOUT}, {@code STDERR}.
	 */
	String logTarget();

}
