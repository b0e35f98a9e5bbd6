package org.unbanpanel.jobs;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.unbanpanel.hosts.HostName;

/**
 * Published in the transaction that stores what came of some values of a job: each time the worker settles values,
 * and once more, with {@link #state} final, when the job ends. The audit trail records one entry per released ban,
 * the trust module trusts {@link #unblockedOnHosts} of a finished job that asked for it, on each host; the event publication
 * registry keeps the event until each listener has handled it, across a restart.
 *
 * @param state the job's state afterwards: {@link JobState#QUEUED} while values wait for fail2ban
 * @param jails the jails the job releases from; empty for every jail
 * @param items the values that got their result now
 * @param unblockedAddresses once the job has ended, each of its addresses that no jail of the job holds any more
 * (released or never banned) on the machine the panel runs on; empty before
 * @param unblockedOnHosts the same on every host, by host name: what a trust applies to; an event stored by an older
 * panel has none, and its {@link #unblockedAddresses} are the local host's
 */
public record JobSettled(long jobId, String submittedBy, String clientAddress, JobState state, Duration trustFor,
		List<String> jails, List<SettledItem> items, List<String> unblockedAddresses,
		Map<String, List<String>> unblockedOnHosts) {

	public JobSettled {
		jails = List.copyOf(jails);
		items = List.copyOf(items);
		unblockedAddresses = List.copyOf(unblockedAddresses);
		unblockedOnHosts = (unblockedOnHosts != null) ? Map.copyOf(unblockedOnHosts)
				: unblockedAddresses.isEmpty() ? Map.of() : Map.of(HostName.LOCAL.value(), unblockedAddresses);
	}

	/**
	 * What came of one value on one host.
	 * @param host the host of the fleet it was released on ({@code local} for the machine the panel runs on)
	 * @param released every ban released for it, its own and those inside it, each with its jail
	 * @param stillBanned its bans fail2ban held still after the unban
	 * @param covering the wider networks that still block it
	 * @param failures the failed logins cleared
	 * @param errorCode why it failed ({@link Failure#code()}), or {@code null}
	 * @param errorMessage what the tool or fail2ban said about it, in English (the audit keeps it), or {@code null}
	 */
	public record SettledItem(long itemId, String host, ItemKind kind, String value, ItemState state,
			List<JailEntry> released, List<JailEntry> stillBanned, List<JailEntry> covering, int failures,
			String errorCode, String errorMessage) {

		public SettledItem {
			released = List.copyOf(released);
			stillBanned = List.copyOf(stillBanned);
			covering = List.copyOf(covering);
		}

		static SettledItem of(Item item) {
			ItemResult result = item.result();
			return new SettledItem(item.id(), item.target().host().value(), item.target().kind(), item.target().value(), result.state(),
					entries(result, ItemBan.Outcome.RELEASED), entries(result, ItemBan.Outcome.STILL_BANNED),
					entries(result, ItemBan.Outcome.COVERING), result.failures(),
					(result.error() != null) ? result.error().code() : null, english(result.error()));
		}

		private static String english(Failure error) {
			return (error != null && error.message() != null) ? error.message().english() : null;
		}

		private static List<JailEntry> entries(ItemResult result, ItemBan.Outcome outcome) {
			return result.bans(outcome).stream().map(ItemBan::jailEntry).toList();
		}

	}

}
