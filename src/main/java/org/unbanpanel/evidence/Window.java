package org.unbanpanel.evidence;

/**
 * A span of time a jail looked at, in epoch seconds, both ends included: from a ban's start back by the jail's
 * {@code findtime}.
 */
record Window(long from, long to) {

	Window {
		if (to < from) {
			throw new IllegalArgumentException("a window cannot end before it starts");
		}
	}

	boolean holds(long epochSecond) {
		return epochSecond >= from && epochSecond <= to;
	}

}
