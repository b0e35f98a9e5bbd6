package org.unbanpanel.fail2ban;

import java.util.Optional;
import java.util.OptionalInt;

import org.unbanpanel.core.Explanation;

/**
 * What fail2ban answered to a release ({@link Fail2ban#unban}): how many bans it says it removed, or its refusal.
 * fail2ban 1.0.2 counts one per ban it removed from one jail ({@code server/server.py setUnbanIP} sums
 * {@code server/actions.py removeBannedIP} over the jails, each entry of the call apart): {@code unban <entry>} counts
 * the entry once in every jail that holds it; a network that a jail does not hold as an entry removes, and counts,
 * every ban inside it there (a jail that holds the network as an entry removes that entry only); an entry a jail does
 * not hold counts 0 there. {@code set <jail> unbanip} counts the same in that jail only.
 * @param removed the bans removed over every call; empty when a call was refused or answered with something that is
 * not a count
 * @param refusal fail2ban's refusal of any of the calls, in its own words
 */
public record Unbanned(OptionalInt removed, Optional<Explanation> refusal) {

	/** No call at all: nothing removed. */
	public static final Unbanned NOTHING = removed(0);

	static Unbanned removed(int count) {
		return new Unbanned(OptionalInt.of(count), Optional.empty());
	}

	static Unbanned refused(Explanation refusal) {
		return new Unbanned(OptionalInt.empty(), Optional.of(refusal));
	}

	/** fail2ban accepted the call, but its answer is not a count. */
	static Unbanned uncounted() {
		return new Unbanned(OptionalInt.empty(), Optional.empty());
	}

	/** This release followed by {@code next}: the counts summed while both are known, the first refusal. */
	public Unbanned and(Unbanned next) {
		OptionalInt both = removed.isPresent() && next.removed.isPresent()
				? OptionalInt.of(removed.getAsInt() + next.removed.getAsInt()) : OptionalInt.empty();
		return new Unbanned(both, refusal.or(next::refusal));
	}

	/** Whether every call was answered with a count and together they removed exactly {@code expected} bans. */
	public boolean removedExactly(int expected) {
		return removed.isPresent() && removed.getAsInt() == expected;
	}

}
