package org.unbanpanel.jails;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.unbanpanel.core.InvalidValueException;
import org.unbanpanel.fail2ban.Ban;
import org.unbanpanel.fail2ban.BanList;

/**
 * One page of a jail's bans, ordered by end (permanent ones last) or by address.
 * @param matching how many bans match the filter, on all pages
 * @param held how many bans the jail holds
 * @param unreadableCount how many entries the jail holds that cannot be read exactly, and are no ban of the page
 * @param unreadable the first {@link #UNREADABLE_SHOWN} of them, escaped ({@link InvalidValueException#printable})
 * @param notAnsweringSince since when fail2ban has answered nothing, when it is silent (hung): the page is then the
 * last state it reported; {@code null} (left out of the JSON) while it answers
 */
public record BanPage(String jail, String filter, int page, int size, String sort, int matching, int held,
		List<BanRow> bans, int unreadableCount, List<String> unreadable, Instant notAnsweringSince) {

	static final int UNREADABLE_SHOWN = 20;

	/**
	 * Filters, orders and cuts the bans. fail2ban lists them ordered by end already, so the (stable) sort costs one
	 * pass. A page past the last one shows the last one.
	 */
	static BanPage of(String jail, BanList list, BanQuery query, Instant now, ZoneId zone, Instant notAnsweringSince) {
		List<Ban> bans = list.bans();
		Predicate<String> filter = BanFilter.of(query.filter());
		List<Ban> matching = new ArrayList<>();
		for (Ban ban : bans) {
			if (filter.test(ban.address())) {
				matching.add(ban);
			}
		}
		matching.sort(query.sort().order());
		int page = Math.min(query.page(), pages(matching.size(), query.size()));
		int from = (page - 1) * query.size();
		List<BanRow> rows = matching.subList(from, Math.min(matching.size(), from + query.size()))
			.stream()
			.map(ban -> BanRow.of(ban, now, zone))
			.toList();
		List<String> unreadable = list.unreadable()
			.stream()
			.limit(UNREADABLE_SHOWN)
			.map(InvalidValueException::printable)
			.toList();
		return new BanPage(jail, query.filter(), page, query.size(), query.sort().param(), matching.size(), bans.size(),
				rows, list.unreadable().size(), unreadable, notAnsweringSince);
	}

	public int pages() {
		return pages(matching, size);
	}

	public boolean hasPrevious() {
		return page > 1;
	}

	public boolean hasNext() {
		return page < pages();
	}

	private static int pages(int matching, int size) {
		return Math.max(1, (matching + size - 1) / size);
	}

}
