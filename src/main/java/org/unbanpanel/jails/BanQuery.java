package org.unbanpanel.jails;

/**
 * Which bans of a jail to show: a filter (text or network) and a page of them.
 * @param filter text the address must contain, or a network (CIDR) it must lie in; empty for all
 * @param page the page number, from 1
 * @param size bans per page, from 1 to {@link #MAX_SIZE}
 */
record BanQuery(String filter, int page, int size) {

	static final int DEFAULT_SIZE = 50;

	static final int MAX_SIZE = 500;

	/** Out-of-range values as a link or a person may send them, brought into range. */
	static BanQuery of(String filter, int page, int size) {
		return new BanQuery(filter == null ? "" : filter.strip(), Math.max(1, page),
				Math.min(MAX_SIZE, Math.max(1, size)));
	}

}
