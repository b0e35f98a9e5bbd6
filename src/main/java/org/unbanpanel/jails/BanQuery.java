package org.unbanpanel.jails;

import java.util.Comparator;
import java.util.Locale;

import org.unbanpanel.core.BanTarget;
import org.unbanpanel.fail2ban.Ban;

/**
 * Which bans of a jail to show: a filter (text or network), an order and a page of them.
 * @param filter text the address must contain, or a network (CIDR) it must lie in; empty for all
 * @param page the page number, from 1
 * @param size bans per page, from 1 to {@link #MAX_SIZE}
 * @param sort the order of the bans
 */
record BanQuery(String filter, int page, int size, Sort sort) {

	static final int DEFAULT_SIZE = 50;

	static final int MAX_SIZE = 500;

	/** The orders a jail's page offers; the parameter {@code sort} names one in lower case. */
	enum Sort {

		/** Soonest end first, permanent bans last (fail2ban's own order). */
		END(Comparator.comparing(Ban::end)),
		/** Numeric address order, IPv4 before IPv6. */
		ADDRESS(Comparator.comparing(ban -> BanTarget.tryParse(ban.address()).orElse(null),
				Comparator.nullsLast(Comparator.naturalOrder())));

		private final Comparator<Ban> order;

		Sort(Comparator<Ban> order) {
			this.order = order;
		}

		Comparator<Ban> order() {
			return order;
		}

		public String param() {
			return name().toLowerCase(Locale.ROOT);
		}

		/** The order a link names; anything else is the default, by end. */
		static Sort of(String param) {
			return ADDRESS.param().equals(param) ? ADDRESS : END;
		}

	}

	/** Out-of-range values as a link or a person may send them, brought into range. */
	static BanQuery of(String filter, int page, int size, String sort) {
		return new BanQuery(filter == null ? "" : filter.strip(), Math.max(1, page),
				Math.min(MAX_SIZE, Math.max(1, size)), Sort.of(sort));
	}

	static BanQuery of(String filter, int page, int size) {
		return of(filter, page, size, null);
	}

}
