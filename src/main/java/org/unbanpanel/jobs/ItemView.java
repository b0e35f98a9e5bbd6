package org.unbanpanel.jobs;

import java.util.List;

import org.unbanpanel.fail2ban.HeldBan;

/**
 * One value of a job and what came of it, for its page and the JSON API, for example "4.4.4.4 unbanned from sshd,
 * dovecot" or "admin: 5 failed logins cleared".
 * @param host the host of the fleet it is released on ({@code local} for the machine the panel runs on)
 * @param value the address, network or account name in canonical form
 * @param jails the jails its own ban was released from
 * @param inside for a network: the bans inside it that it released, each with its jail
 * @param covering the wider banned networks that still block it afterwards, each with its jail
 * @param stillBanned its own bans, or those inside it, that fail2ban still held after the unban
 * @param failures the failed logins cleared; 0 unless {@link ItemState#CLEARED}
 * @param error why the value could not be unblocked when {@link ItemState#FAILED}; while {@link ItemState#PENDING},
 * why it waits since the last attempt (code {@code waiting}, {@code waiting.accounts} or {@code waiting.unfinished}),
 * or {@code null} before any
 */
public record ItemView(String host, ItemKind kind, String value, ItemState state, List<String> jails, List<JailEntry> inside,
		List<JailEntry> covering, List<JailEntry> stillBanned, int failures, Failure error) {

	public ItemView {
		jails = List.copyOf(jails);
		inside = List.copyOf(inside);
		covering = List.copyOf(covering);
		stillBanned = List.copyOf(stillBanned);
	}

	/** A value without bans inside or around it, as most are. */
	public ItemView(String host, ItemKind kind, String value, ItemState state, List<String> jails, int failures,
			Failure error) {
		this(host, kind, value, state, jails, List.of(), List.of(), List.of(), failures, error);
	}

	static ItemView of(Target target, ItemResult result) {
		List<ItemBan> released = result.bans(ItemBan.Outcome.RELEASED);
		return new ItemView(target.host().value(), target.kind(), target.value(), result.state(),
				released.stream()
					.filter(ban -> ban.overlap() == HeldBan.Overlap.OWN)
					.map(ItemBan::jail)
					.distinct()
					.toList(),
				entries(released.stream().filter(ban -> ban.overlap() == HeldBan.Overlap.INSIDE).toList()),
				entries(result.bans(ItemBan.Outcome.COVERING)), entries(result.bans(ItemBan.Outcome.STILL_BANNED)),
				result.failures(), result.error());
	}

	/** Whether it waits for its host, which could not be reached at the last attempt. */
	public boolean waiting() {
		return state == ItemState.PENDING && error != null;
	}

	/** The jails still holding it after the unban, for the line of a failed value. */
	public List<String> stillBannedIn() {
		return stillBanned.stream().map(JailEntry::jail).distinct().toList();
	}

	private static List<JailEntry> entries(List<ItemBan> bans) {
		return bans.stream().map(ItemBan::jailEntry).toList();
	}

}
