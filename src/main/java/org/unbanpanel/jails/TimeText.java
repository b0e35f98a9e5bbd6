package org.unbanpanel.jails;

import java.time.Duration;

/**
 * Durations as the jail pages write them: the largest unit and the next one when it is not zero, for example
 * {@code 1 h}, {@code 12 h}, {@code 3 h 12 min}, {@code 2 d 4 h}, {@code 45 s}.
 */
final class TimeText {

	private static final String[] UNITS = { "d", "h", "min", "s" };

	private TimeText() {
	}

	/** The duration, cut (not rounded) to two units; a negative one counts as zero. */
	static String duration(Duration duration) {
		long seconds = Math.max(0, duration.getSeconds());
		long[] amounts = { seconds / 86_400, seconds % 86_400 / 3_600, seconds % 3_600 / 60, seconds % 60 };
		int first = 0;
		while (first < amounts.length - 1 && amounts[first] == 0) {
			first++;
		}
		String text = amounts[first] + " " + UNITS[first];
		if (first < amounts.length - 1 && amounts[first + 1] > 0) {
			text += " " + amounts[first + 1] + " " + UNITS[first + 1];
		}
		return text;
	}

}
