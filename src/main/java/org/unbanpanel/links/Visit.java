package org.unbanpanel.links;

import java.util.Comparator;
import java.util.List;

import org.unbanpanel.hosts.HostName;
import org.unbanpanel.jobs.ItemState;
import org.unbanpanel.jobs.ItemView;
import org.unbanpanel.jobs.JobView;

/**
 * What the public page of a link shows its visitor: only the visitor's own address and the link's jails that hold
 * it, never anything else fail2ban holds.
 * @param kind what the page says
 * @param address the visitor's address as the panel sees it
 * @param releasable the link's jails that hold the address itself and that the link may release it from
 * @param adminOnly the link's jails that block the address by a ban only an admin may release: a wider network's, or
 * a protected jail's the link does not include
 * @param release what its job releases, which the page never shows: the hosts and the jails
 * @param retryAfterSeconds for {@link Kind#THROTTLED}: how long the address must wait
 * @param useId for {@link Kind#RELEASING}: the use whose job releases the address
 * @param job for {@link Kind#RESULT}: the job of the use, as it stands
 */
record Visit(Kind kind, String address, List<String> releasable, List<String> adminOnly, Release release,
		long retryAfterSeconds, Long useId, JobView job) {

	Visit {
		releasable = List.copyOf(releasable);
		adminOnly = List.copyOf(adminOnly);
	}

	/**
	 * What a use of the link releases.
	 * @param hosts those where one of {@link #releasable} holds the address, and those that could not be asked
	 * @param jails {@link #releasable}, and while a host could not be asked every jail the link may release the
	 * address from, so that the job releases it there once the host answers
	 */
	record Release(List<HostName> hosts, List<String> jails) {

		static final Release NOTHING = new Release(List.of(), List.of());

		Release {
			hosts = List.copyOf(hosts);
			jails = List.copyOf(jails);
		}

	}

	enum Kind {

		/** Too many wrong tokens from the address: nothing was looked up. */
		THROTTLED,
		/** No link has this token (or it is no token at all). */
		UNKNOWN,
		USED_UP, EXPIRED, REVOKED,
		/** The link may be used; {@link #releasable} and {@link #adminOnly} say what holds the visitor. */
		OPEN,
		/** The link may be used, but fail2ban does not answer now. */
		FAIL2BAN_SILENT,
		/** A job releasing the visitor's address is queued. */
		RELEASING,
		/** What the job of one of the visitor's uses did, or is doing. */
		RESULT

	}

	static Visit of(Kind kind, String address) {
		return new Visit(kind, address, List.of(), List.of(), Release.NOTHING, 0, null, null);
	}

	static Visit throttled(String address, long retryAfterSeconds) {
		return new Visit(Kind.THROTTLED, address, List.of(), List.of(), Release.NOTHING, retryAfterSeconds, null, null);
	}

	static Visit closed(ReleaseLink.State state, String address) {
		return of(switch (state) {
			case USED_UP -> Kind.USED_UP;
			case EXPIRED -> Kind.EXPIRED;
			case REVOKED -> Kind.REVOKED;
			case ACTIVE -> throw new IllegalArgumentException("an active link is not closed");
		}, address);
	}

	static Visit open(String address, List<String> releasable, List<String> adminOnly, Release release) {
		return new Visit(Kind.OPEN, address, releasable, adminOnly, release, 0, null, null);
	}

	static Visit releasing(String address, long useId) {
		return new Visit(Kind.RELEASING, address, List.of(), List.of(), Release.NOTHING, 0, useId, null);
	}

	static Visit result(String address, JobView job) {
		return new Visit(Kind.RESULT, address, List.of(), List.of(), Release.NOTHING, 0, null, job);
	}

	/**
	 * The job's line for the visitor's address, over every host it was released on: the least good outcome of them,
	 * and every jail it was released from. Only its state and jails are merged: the page shows nothing else of it.
	 */
	public ItemView line() {
		List<ItemView> lines = job.items();
		ItemState state = lines.stream()
			.map(ItemView::state)
			.max(Comparator.comparingInt(Visit::badness))
			.orElseThrow();
		List<String> jails = lines.stream().flatMap(line -> line.jails().stream()).distinct().toList();
		ItemView first = lines.get(0);
		return new ItemView(first.host(), first.kind(), first.value(), state, jails, 0, null);
	}

	private static int badness(ItemState state) {
		return switch (state) {
			case NOT_BANNED -> 0;
			case UNBANNED -> 1;
			case PARTLY_UNBANNED -> 2;
			case PENDING -> 3;
			default -> 4;
		};
	}

	/** Whether the page offers its one button. */
	public boolean offersRelease() {
		return kind == Kind.OPEN && !releasable.isEmpty();
	}

}
