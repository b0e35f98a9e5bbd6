package org.unbanpanel.evidence;

/**
 * A log source that could not be read, or not all of it: the page names it and says why.
 * @param source the file or the journal match, as fail2ban names it
 * @param detail the figures or the tool's own words, for the page to quote; may be empty
 */
public record SourceProblem(String source, Reason reason, String detail) {

	public enum Reason {

		/** The file does not exist (any more). */
		GONE,
		/** The panel's user may not read it: on Debian it needs the group adm (files) or systemd-journal. */
		NOT_READABLE,
		/** The window spans more of it than the panel reads for one ban ({@code panel.evidence.max-bytes}). */
		TOO_LARGE,
		/** Reading failed otherwise: an I/O error, journalctl missing or failing. */
		FAILED

	}

}
