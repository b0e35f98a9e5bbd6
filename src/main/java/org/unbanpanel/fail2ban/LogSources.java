package org.unbanpanel.fail2ban;

import java.util.List;

/**
 * Where a jail reads its failures, as fail2ban reports it: the log files of a file backend ({@code get <jail>
 * logpath}), or for {@code backend = systemd} the journal match ({@code get <jail> journalmatch}).
 * @param files the monitored files; empty for a journal jail
 * @param journalMatch the match as words, alternatives separated by {@code +}, as journalctl takes them:
 * {@code [_SYSTEMD_UNIT=sshd.service, +, _COMM=sshd]}; empty for a file jail
 */
public record LogSources(List<String> files, List<String> journalMatch) {

	public LogSources {
		files = List.copyOf(files);
		journalMatch = List.copyOf(journalMatch);
	}

	public boolean journal() {
		return files.isEmpty() && !journalMatch.isEmpty();
	}

	public boolean none() {
		return files.isEmpty() && journalMatch.isEmpty();
	}

}
