package org.unbanpanel.jobs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.unbanpanel.core.BanTarget;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.fail2ban.Fail2ban;
import org.unbanpanel.fail2ban.Fail2banException;
import org.unbanpanel.fail2ban.HeldBan;
import org.unbanpanel.fail2ban.Unbanned;

/**
 * One attempt at releasing the pending addresses of a batch, exact for every overlap and never forgetful:
 * <ol>
 * <li>one {@code banned} read: what holds each value now (its own entries, and those inside it, in the jails its job
 * releases from), added to what an earlier attempt saw, and stored before anything is released, so that a timeout, a
 * retry or a restart still knows what was held;</li>
 * <li>what is held now is released, for the jobs whose lease the attempt is confirmed to hold right before:
 * {@code unban} for jobs of every jail, {@code set <jail> unbanip} for jobs of chosen jails, in calls the adapter
 * sizes; each call answers with the number of bans fail2ban removed;</li>
 * <li>when every call answered and together they removed exactly the (jail, entry) pairs the first read says they
 * would (an {@code unban} entry in every jail that holds it, a {@code set <jail> unbanip} entry in that jail), the
 * values are settled from the first read without those pairs: a host where nothing is held costs one fail2ban-client
 * run, a release two. Otherwise (a refusal, a call not answered, another count: a ban ended or came meanwhile) one
 * {@code banned} read again settles them: a ban seen before and gone now was released; one still there was not.
 * Either way a wider banned network around the value still blocks it.</li>
 * </ol>
 * A call that fail2ban does not answer in time (its client is killed, while fail2ban may go on releasing) is followed
 * by the read of step 3, never by sending it again: the values held still then wait for the next attempt, which reads
 * afresh. A released ban is credited to one value only: the one it is the own ban of, else the first of the batch
 * that holds it inside, so that the audit holds one release per ban released.
 */
final class AddressRelease {

	/** A pending address of a job. */
	record Pending(Item item, BanTarget target, Job job) {

		long id() {
			return item.id();
		}

		/** What fail2ban holds of the value in the job's jails. */
		List<HeldBan> inScope(Map<BanTarget, List<HeldBan>> held) {
			return held.getOrDefault(target, List.of()).stream().filter(ban -> job.releasesFrom(ban.jail())).toList();
		}

		/** What fail2ban holds of the value in the job's jails that releasing it releases (no wider network). */
		List<HeldBan> releasable(Map<BanTarget, List<HeldBan>> held) {
			return inScope(held).stream().filter(HeldBan::releasedWithTarget).toList();
		}

	}

	/**
	 * What the attempt came to.
	 * @param results the values it settled, by item id; the others wait, with what they were seen to hold stored
	 * @param unreachable why fail2ban could not be asked, when that is why values wait
	 */
	record Outcome(Map<Long, ItemResult> results, Optional<Explanation> unreachable) {
	}

	private final Fail2ban fail2ban;

	private final Function<List<Item>, Set<Long>> storeSeen;

	/**
	 * @param storeSeen right before the release, in a transaction of its own: confirms which jobs of the values this
	 * attempt still holds, and stores those jobs' items whose seen bans grew; answers their ids. The values of the other
	 * jobs are left alone, neither released nor settled: another instance took them over.
	 */
	AddressRelease(Fail2ban fail2ban, Function<List<Item>, Set<Long>> storeSeen) {
		this.fail2ban = fail2ban;
		this.storeSeen = storeSeen;
	}

	Outcome run(List<Pending> pending) {
		if (pending.isEmpty()) {
			return new Outcome(Map.of(), Optional.empty());
		}
		List<BanTarget> targets = pending.stream().map(Pending::target).distinct().toList();
		Map<BanTarget, List<HeldBan>> now;
		try {
			now = fail2ban.whereBannedNow(targets);
		}
		catch (Fail2banException ex) {
			return failedOrWaiting(pending, ex);
		}
		Map<Long, List<ItemBan>> seen = seen(pending, now);
		List<Pending> releasing = stillHeld(pending, now, seen);
		if (releasing.isEmpty()) {
			return new Outcome(Map.of(), Optional.empty());
		}
		Calls calls = Calls.of(releasing, now);
		Failure refusal = null;
		Optional<Explanation> interrupted = Optional.empty();
		try {
			Unbanned unbanned = calls.send(fail2ban);
			if (unbanned.removedExactly(calls.removing(now).size())) {
				return settle(releasing, seen, calls.without(now), null, Optional.empty());
			}
			refusal = unbanned.refusal().map(message -> new Failure("fail2ban.REFUSED", message)).orElse(null);
		}
		catch (Fail2banException ex) {
			if (ex.reason() == Fail2banException.Reason.UNREACHABLE) {
				interrupted = Optional.of(ex.explanation());
			}
			else {
				refusal = failure(ex);
			}
		}
		try {
			return settle(releasing, seen, fail2ban.whereBannedNow(targets), refusal, interrupted);
		}
		catch (Fail2banException ex) {
			return failedOrWaiting(releasing, ex);
		}
	}

	/**
	 * The values this attempt may release, once what they were seen to hold is stored: when there is anything to
	 * release, those of the jobs {@code storeSeen} confirms still held; otherwise all (nothing to act on, nothing grew).
	 */
	private List<Pending> stillHeld(List<Pending> pending, Map<BanTarget, List<HeldBan>> now,
			Map<Long, List<ItemBan>> seen) {
		boolean releases = pending.stream()
			.anyMatch(value -> !value.releasable(now).isEmpty());
		if (!releases) {
			return pending;
		}
		Set<Long> held = storeSeen.apply(grown(pending, seen));
		return pending.stream().filter(value -> held.contains(value.job().id())).toList();
	}

	/** What each value is seen to hold, now or in an earlier attempt. */
	private static Map<Long, List<ItemBan>> seen(List<Pending> pending, Map<BanTarget, List<HeldBan>> now) {
		Map<Long, List<ItemBan>> seen = new HashMap<>();
		for (Pending value : pending) {
			List<ItemBan> before = value.item().result().bans(ItemBan.Outcome.SEEN);
			Set<ItemBan> all = new LinkedHashSet<>(before);
			value.releasable(now).forEach(held -> all.add(ItemBan.of(held, ItemBan.Outcome.SEEN)));
			seen.put(value.id(), List.copyOf(all));
		}
		return seen;
	}

	/** The items whose seen bans grew, with all they are seen to hold. */
	private static List<Item> grown(List<Pending> pending, Map<Long, List<ItemBan>> seen) {
		return pending.stream()
			.filter(value -> seen.get(value.id()).size() > value.item().result().bans(ItemBan.Outcome.SEEN).size())
			.map(value -> value.item().with(ItemResult.seen(seen.get(value.id()))))
			.toList();
	}

	/**
	 * The calls that release what is held now: the entries to release from every jail, and those to release from one
	 * jail only (none of which is released from every jail already).
	 */
	private record Calls(Set<String> everyJail, Map<String, Set<String>> byJail) {

		static Calls of(List<Pending> pending, Map<BanTarget, List<HeldBan>> now) {
			Set<String> everyJail = new LinkedHashSet<>();
			Map<String, Set<String>> byJail = new LinkedHashMap<>();
			for (Pending value : pending) {
				for (HeldBan held : value.releasable(now)) {
					(value.job().jails().isEmpty() ? everyJail
							: byJail.computeIfAbsent(held.jail(), jail -> new LinkedHashSet<>())).add(held.entry());
				}
			}
			byJail.values().forEach(entries -> entries.removeAll(everyJail));
			byJail.values().removeIf(Set::isEmpty);
			return new Calls(everyJail, byJail);
		}

		/** Sends the calls; what fail2ban answered to them all. */
		Unbanned send(Fail2ban fail2ban) {
			Unbanned unbanned = everyJail.isEmpty() ? Unbanned.NOTHING : fail2ban.unban(everyJail);
			for (Map.Entry<String, Set<String>> jail : byJail.entrySet()) {
				unbanned = unbanned.and(fail2ban.unban(jail.getKey(), jail.getValue()));
			}
			return unbanned;
		}

		/** Whether the calls remove this ban: an entry of {@code unban} in any jail, one of {@code unbanip} in its. */
		boolean remove(HeldBan held) {
			return everyJail.contains(held.entry())
					|| byJail.getOrDefault(held.jail(), Set.of()).contains(held.entry());
		}

		/** The (jail, entry) pairs of the read that the calls remove, each once. */
		Set<JailEntry> removing(Map<BanTarget, List<HeldBan>> read) {
			return entries(read.values().stream().flatMap(List::stream).filter(this::remove).toList());
		}

		/** The read as it is once the calls removed what they remove. */
		Map<BanTarget, List<HeldBan>> without(Map<BanTarget, List<HeldBan>> read) {
			Map<BanTarget, List<HeldBan>> after = new LinkedHashMap<>();
			read.forEach((target, bans) -> after.put(target, bans.stream().filter(held -> !remove(held)).toList()));
			return after;
		}

	}

	private Outcome settle(List<Pending> pending, Map<Long, List<ItemBan>> seen, Map<BanTarget, List<HeldBan>> after,
			Failure refusal, Optional<Explanation> interrupted) {
		List<Pending> settling = pending.stream()
			.filter(value -> interrupted.isEmpty() || stillBanned(value, after).isEmpty())
			.toList();
		Map<Long, List<ItemBan>> released = credited(settling, seen, after);
		Map<Long, ItemResult> results = new HashMap<>();
		for (Pending value : settling) {
			List<ItemBan> bans = new ArrayList<>(released.getOrDefault(value.id(), List.of()));
			bans.addAll(stillBanned(value, after));
			value.inScope(after)
				.stream()
				.filter(held -> !held.releasedWithTarget())
				.forEach(held -> bans.add(ItemBan.of(held, ItemBan.Outcome.COVERING)));
			results.put(value.id(), ItemResult.released(bans, refusal));
		}
		return new Outcome(results, settling.size() < pending.size() ? interrupted : Optional.empty());
	}

	/** The bans seen before and gone after, each handed to one value: its own ban's value first, then in order. */
	private static Map<Long, List<ItemBan>> credited(List<Pending> settling, Map<Long, List<ItemBan>> seen,
			Map<BanTarget, List<HeldBan>> after) {
		Set<JailEntry> handedOut = new HashSet<>();
		Map<Long, List<ItemBan>> released = new HashMap<>();
		for (HeldBan.Overlap pass : List.of(HeldBan.Overlap.OWN, HeldBan.Overlap.INSIDE)) {
			for (Pending value : settling) {
				Set<JailEntry> heldAfter = entries(after.getOrDefault(value.target(), List.of()));
				for (ItemBan ban : seen.getOrDefault(value.id(), List.of())) {
					if (ban.overlap() == pass && !heldAfter.contains(ban.jailEntry()) && handedOut.add(ban.jailEntry())) {
						released.computeIfAbsent(value.id(), id -> new ArrayList<>())
							.add(new ItemBan(ban.jail(), ban.entry(), ban.overlap(), ItemBan.Outcome.RELEASED));
					}
				}
			}
		}
		return released;
	}

	private static List<ItemBan> stillBanned(Pending value, Map<BanTarget, List<HeldBan>> after) {
		return value.releasable(after).stream().map(held -> ItemBan.of(held, ItemBan.Outcome.STILL_BANNED)).toList();
	}

	private static Set<JailEntry> entries(Collection<HeldBan> bans) {
		return bans.stream().map(held -> new JailEntry(held.jail(), held.entry())).collect(Collectors.toSet());
	}

	/** fail2ban not reached: every value waits; refused or not runnable: every value fails with its reason. */
	private static Outcome failedOrWaiting(List<Pending> pending, Fail2banException ex) {
		if (ex.reason() == Fail2banException.Reason.UNREACHABLE) {
			return new Outcome(Map.of(), Optional.of(ex.explanation()));
		}
		Map<Long, ItemResult> failed = new HashMap<>();
		pending.forEach(value -> failed.put(value.id(), ItemResult.failed(failure(ex))));
		return new Outcome(failed, Optional.empty());
	}

	static Failure failure(Fail2banException ex) {
		return new Failure("fail2ban." + ex.reason().name(), ex.explanation());
	}

}
