package org.unbanpanel.fail2ban;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.unbanpanel.core.BanTarget;

/**
 * What every jail holds, as one {@code banned} run printed it, indexed so that finding where a target is banned costs
 * no more than a hash lookup for single addresses. Entries fail2ban holds in a form {@link BanTarget} does not accept
 * (a host name) are left out: no target can match them.
 */
final class HeldBans {

	private record Held(int order, String jail, String text, BanTarget address) {
	}

	/** One banned network, as fail2ban holds it, and its jail. */
	record Network(String text, String jail) {
	}

	private final List<Held> all = new ArrayList<>();

	private final List<Held> networks = new ArrayList<>();

	private final Map<String, List<Held>> byKey = new HashMap<>();

	HeldBans(Map<String, List<String>> byJail) {
		byJail.forEach((jail, addresses) -> addresses.forEach(text -> BanTarget.tryParse(text).ifPresent(address -> {
			Held held = new Held(all.size(), jail, text, address);
			all.add(held);
			if (address.isNetwork()) {
				networks.add(held);
			}
			address.banKeys().forEach(key -> byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(held));
		})));
	}

	/** The jails holding the target, or for a network any address inside it, in the server's jail order. */
	List<String> jailsHolding(BanTarget target) {
		return covered(target).map(Held::jail).distinct().toList();
	}

	/** The entries to name in {@code unban} to release the target, exactly as fail2ban holds them. */
	List<String> entriesCoveredBy(BanTarget target) {
		return covered(target).map(Held::text).distinct().toList();
	}

	/**
	 * Banned networks that hold the target without the target covering them: releasing the target's own entries
	 * leaves it blocked by these.
	 */
	List<Network> networksAround(BanTarget target) {
		return networks.stream()
			.filter(held -> held.address().covers(target) && !target.covers(held.address()))
			.map(held -> new Network(held.text(), held.jail()))
			.toList();
	}

	private Stream<Held> covered(BanTarget target) {
		Stream<Held> candidates = target.isNetwork() ? all.stream()
				: target.banKeys().stream().flatMap(key -> byKey.getOrDefault(key, List.of()).stream());
		return candidates.filter(held -> target.covers(held.address()))
			.distinct()
			.sorted(Comparator.comparingInt(Held::order));
	}

}
