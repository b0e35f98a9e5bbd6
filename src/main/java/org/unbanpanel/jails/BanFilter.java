package org.unbanpanel.jails;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

import org.unbanpanel.core.BanTarget;

/**
 * The filter of a jail page: a network (CIDR) keeps the bans inside it, any other text the addresses containing it,
 * ignoring case.
 */
final class BanFilter {

	private BanFilter() {
	}

	static Predicate<String> of(String filter) {
		if (filter.isEmpty()) {
			return address -> true;
		}
		Optional<BanTarget> network = BanTarget.tryParse(filter).filter(BanTarget::isNetwork);
		if (network.isPresent()) {
			return address -> BanTarget.tryParse(address).map(network.get()::covers).orElse(false);
		}
		String text = filter.toLowerCase(Locale.ROOT);
		return address -> address.toLowerCase(Locale.ROOT).contains(text);
	}

}
