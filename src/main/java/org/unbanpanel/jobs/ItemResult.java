package org.unbanpanel.jobs;

import java.util.List;

/**
 * What came of one value, as stored on its item: the bans it met, the failures cleared, an error. The state follows
 * from them ({@link #released}), so pages, API, audit and metrics read one answer.
 * @param bans for an address: what the job saw and what became of it; empty for an account
 * @param failures the failed logins cleared; 0 unless {@link ItemState#CLEARED}
 * @param error why it failed; while {@link ItemState#PENDING}, why its host could not be reached at the last attempt,
 * or {@code null}
 */
record ItemResult(ItemState state, List<ItemBan> bans, int failures, Failure error) {

	static final ItemResult PENDING = new ItemResult(ItemState.PENDING, List.of(), 0, null);

	ItemResult {
		bans = List.copyOf(bans);
	}

	static ItemResult failed(Failure error) {
		return new ItemResult(ItemState.FAILED, List.of(), 0, error);
	}

	/** Waiting still, with the bans it was seen to hold. */
	static ItemResult seen(List<ItemBan> seen) {
		return new ItemResult(ItemState.PENDING, seen, 0, null);
	}

	/** Waiting still, with the bans it was seen to hold and why its host could not be reached. */
	ItemResult waiting(Failure reason) {
		return new ItemResult(ItemState.PENDING, bans, 0, reason);
	}

	static ItemResult cleared(int failures) {
		return new ItemResult(failures > 0 ? ItemState.CLEARED : ItemState.NOT_LOCKED, List.of(), failures, null);
	}

	/**
	 * An address after its release, from its bans ({@link ItemBan.Outcome}): failed while any is still banned
	 * (with {@code refusal}, fail2ban's reason, if it gave one), partly released while a wider network blocks it,
	 * failed when that network was all that blocked it, released when something was, otherwise not banned.
	 */
	static ItemResult released(List<ItemBan> bans, Failure refusal) {
		boolean released = has(bans, ItemBan.Outcome.RELEASED);
		ItemState state;
		Failure error = null;
		if (has(bans, ItemBan.Outcome.STILL_BANNED)) {
			state = ItemState.FAILED;
			error = (refusal != null) ? refusal : new Failure("fail2ban.stillBanned", null);
		}
		else if (has(bans, ItemBan.Outcome.COVERING)) {
			state = released ? ItemState.PARTLY_UNBANNED : ItemState.FAILED;
			error = released ? null : new Failure("fail2ban.blockedByNetwork", null);
		}
		else {
			state = released ? ItemState.UNBANNED : ItemState.NOT_BANNED;
		}
		return new ItemResult(state, bans, 0, error);
	}

	/** The bans with this outcome. */
	List<ItemBan> bans(ItemBan.Outcome outcome) {
		return bans.stream().filter(ban -> ban.outcome() == outcome).toList();
	}

	private static boolean has(List<ItemBan> bans, ItemBan.Outcome outcome) {
		return bans.stream().anyMatch(ban -> ban.outcome() == outcome);
	}

}
