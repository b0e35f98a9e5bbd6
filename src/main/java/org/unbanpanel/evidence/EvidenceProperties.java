package org.unbanpanel.evidence;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the panel reads the evidence behind bans. Logs are read with the panel user's own rights: on Debian it needs
 * the groups {@code adm} (files under /var/log, fail2ban's own log) and {@code systemd-journal} (the journal).
 *
 * @param maxBytes how much of one log source (a file and its rotated copies) is read for one request at most
 * (default {@code 256MB}); a larger window is reported as too large
 * @param maxLines how many matching lines of one source are kept (default {@code 5000}); beyond them lines are only
 * counted
 * @param shownLines how many of a ban's lines the page and the API show, the latest (default {@code 50})
 * @param lineLength how many characters of a line are shown (default {@code 500})
 * @param journalctl the program that reads the journal (default {@code [journalctl]}, found on the PATH); never
 * through sudo
 * @param journalDirectory a journal directory to read instead of the system journal (default none)
 * @param history how far back the ban history of an address reaches (default {@code 30d})
 */
@ConfigurationProperties("panel.evidence")
record EvidenceProperties(@DefaultValue("256MB") DataSize maxBytes, @DefaultValue("5000") int maxLines,
		@DefaultValue("50") int shownLines, @DefaultValue("500") int lineLength,
		@DefaultValue("journalctl") List<String> journalctl, Path journalDirectory,
		@DefaultValue("30d") Duration history) {

	EvidenceProperties {
		if (journalctl.isEmpty()) {
			throw new IllegalArgumentException("panel.evidence.journalctl must name a program");
		}
		if (maxLines < 1 || shownLines < 1 || lineLength < 20) {
			throw new IllegalArgumentException(
					"panel.evidence.max-lines and shown-lines must be at least 1, line-length at least 20");
		}
		journalctl = List.copyOf(journalctl);
	}

}
