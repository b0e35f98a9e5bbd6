package org.unbanpanel.fail2ban;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.unbanpanel.core.BanTarget;

/**
 * What the panel asks of fail2ban, through {@code fail2ban-client}. Every method throws
 * {@link Fail2banException} with a readable message when the server cannot be reached or refuses; none hangs
 * longer than the command timeout. The panel's bean shares its reads ({@code SharedReads}): a read may answer with
 * what fail2ban answered to the same read a moment ago, never from before a release made through it, and while
 * {@link #notAnsweringSince} is present, with the last state fail2ban reported.
 */
public interface Fail2ban {

	/** Checks that the server answers; returns its version, for example {@code 1.0.2}. */
	String version();

	/** The names of the jails, as the server lists them. */
	List<String> jails();

	/** Counters and ban time of every jail: one fail2ban-client run for the list, and two per jail. */
	List<JailStatus> statusOfAllJails();

	/** Counters and ban time of one jail. */
	JailStatus status(String jail);

	/**
	 * The entries one jail holds: the bans with start and end, ordered by end as fail2ban orders them, and apart the
	 * entries that cannot be read exactly (a newline or another control character in them). No entry breaks the
	 * list, and none is made into a ban it is not.
	 */
	BanList banList(String jail);

	/** The bans one jail holds, with start and end, ordered by end as fail2ban orders them; unreadable entries left out. */
	default List<Ban> bans(String jail) {
		return banList(jail).bans();
	}

	/**
	 * Every ban that concerns each target ({@link HeldBan}): its own entries (an IPv4-mapped address under either
	 * form), for a network every entry inside it, and every banned network around it, in every jail, in the server's
	 * jail order. One fail2ban-client run, whatever the number of targets.
	 */
	Map<BanTarget, List<HeldBan>> whereBanned(Collection<BanTarget> targets);

	/**
	 * Like {@link #whereBanned}, asked of fail2ban now: never an answer shared from an earlier read, nor the last known
	 * state while fail2ban is silent. The reads a job's result rests on: before its release, and after it when
	 * fail2ban's count ({@link Unbanned}) does not settle it.
	 */
	default Map<BanTarget, List<HeldBan>> whereBannedNow(Collection<BanTarget> targets) {
		return whereBanned(targets);
	}

	/**
	 * Releases the entries from every jail that holds them ({@code unban}), named exactly as fail2ban holds them
	 * ({@link HeldBan#entry()}). A large release is split into calls of {@link Fail2banProperties#unbanBatch()} entries,
	 * each given the time its size needs.
	 * @return how many bans fail2ban says the calls removed ({@link Unbanned} says what it counts), or its refusal of
	 * any of them, in its own words
	 * @throws Fail2banException when fail2ban cannot be reached, or a call did not answer in time (fail2ban may go on
	 * releasing): the calls still to come are not sent
	 */
	Unbanned unban(Collection<String> entries);

	/**
	 * Like {@link #unban(Collection)}, from one jail only ({@code set <jail> unbanip}); the other jails keep the
	 * entries.
	 */
	Unbanned unban(String jail, Collection<String> entries);

	/**
	 * The addresses and networks the jail never bans, as {@code get <jail> ignoreip} lists them: those of its
	 * configuration and those added at run time. Entries that cannot be read exactly (a newline or another control
	 * character in them) are left out and logged.
	 */
	List<String> ignored(String jail);

	/**
	 * Adds the targets to the ignore list of each jail, so that failures from them no longer lead to a ban. One
	 * {@code set <jail> addignoreip} run per jail, naming every target; a target already on a list is left as it is.
	 */
	void addIgnore(Collection<String> jails, Collection<BanTarget> targets);

	/**
	 * Takes the targets off the ignore list of each jail that holds them. fail2ban removes one entry per run and
	 * refuses one it does not hold, so this costs one {@code get <jail> ignoreip} per jail and one
	 * {@code set <jail> delignoreip} per entry actually removed.
	 */
	void removeIgnore(Collection<String> jails, Collection<BanTarget> targets);

	/**
	 * Since when fail2ban has answered nothing, when that is long enough to call it silent (it is hung, or busy with
	 * one long read); empty while it answers. While it is present, reads answer with the last state fail2ban reported.
	 */
	default Optional<Instant> notAnsweringSince() {
		return Optional.empty();
	}

}
