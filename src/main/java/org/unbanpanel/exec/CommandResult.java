package org.unbanpanel.exec;

/**
 * What a finished program left behind. Output beyond the configured cap is dropped and flagged, never buffered.
 */
public record CommandResult(int exitCode, String stdout, String stderr, boolean outputTruncated) {

	public boolean succeeded() {
		return exitCode == 0;
	}

	/** The first non-blank line of stderr, or of stdout when stderr is empty: what a person should read. */
	public String message() {
		String text = stderr.isBlank() ? stdout : stderr;
		return text.lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst().orElse("exit code " + exitCode);
	}

}
