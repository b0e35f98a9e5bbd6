package org.unbanpanel.evidence;

import java.util.List;

/**
 * What one log source gave for a request.
 * @param lines the lines holding the address in the windows, oldest first, at most as many as the panel keeps
 * @param matching how many lines matched, kept or not
 * @param problems why the source could not be read, or not all of it
 * @param startsAt the epoch second of the oldest line the source still holds when that is after the earliest
 * window's start (older lines were never written, or rotated away), else {@code null}
 */
record SourceLines(List<LogLine> lines, int matching, List<SourceProblem> problems, Long startsAt) {

	SourceLines(List<LogLine> lines, int matching, List<SourceProblem> problems) {
		this(lines, matching, problems, null);
	}

}
