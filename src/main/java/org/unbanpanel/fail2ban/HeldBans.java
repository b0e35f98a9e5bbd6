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

	/**
	 * Every ban that concerns the target, in the server's jail order: its own entries, for a network every entry
	 * inside it, and every banned network around it ({@link HeldBan.Overlap}).
	 */
	List<HeldBan> of(BanTarget target) {
		Stream<Held> around = networks.stream()
			.filter(held -> held.address().covers(target) && !target.covers(held.address()));
		return Stream.concat(covered(target), around)
			.sorted(Comparator.comparingInt(Held::order))
			.map(held -> new HeldBan(held.jail(), held.text(), overlap(target, held.address())))
			.toList();
	}

	private static HeldBan.Overlap overlap(BanTarget target, BanTarget held) {
		if (!target.covers(held)) {
			return HeldBan.Overlap.AROUND;
		}
		// the same addresses, whatever the form (192.0.2.0/24 and ::ffff:192.0.2.0/120): the target's own ban
		return held.covers(target) ? HeldBan.Overlap.OWN : HeldBan.Overlap.INSIDE;
	}

	private Stream<Held> covered(BanTarget target) {
		Stream<Held> candidates = target.isNetwork() ? all.stream()
				: target.banKeys().stream().flatMap(key -> byKey.getOrDefault(key, List.of()).stream());
		return candidates.filter(held -> target.covers(held.address()))
			.distinct()
			.sorted(Comparator.comparingInt(Held::order));
	}

}
