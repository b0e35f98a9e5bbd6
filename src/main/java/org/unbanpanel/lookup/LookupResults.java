package org.unbanpanel.lookup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the lookup found on every host, in the order of the hosts, for the page and the JSON alike; "Release
 * everything" releases what any host holds, on the hosts that hold it.
 * @param address the address or network looked up, canonical, or {@code null}
 * @param user the user looked up, or {@code null}
 * @param hosts each host's result, a host that could not be reached saying why
 */
record LookupResults(String address, String user, List<LookupResult> hosts) {

	/** Whether only the local machine was asked: the page then looks as on a panel of one machine. */
	public boolean single() {
		return hosts.size() == 1;
	}

	public boolean foundAnything() {
		return hosts.stream().anyMatch(LookupResult::foundAnything);
	}

	/** The address when releasing it releases something on some host, else {@code null}. */
	public String bannedAddress() {
		return hosts.stream().map(LookupResult::bannedAddress).filter(Objects::nonNull).findFirst().orElse(null);
	}

	/** The user when failures are held against it on some host, else {@code null}. */
	public String lockedUser() {
		return hosts.stream().map(LookupResult::lockedUser).filter(Objects::nonNull).findFirst().orElse(null);
	}

	/** The locked accounts the evidence names, each once. */
	public List<LookupResult.NamedLock> lockedAccounts() {
		Map<String, LookupResult.NamedLock> locked = new LinkedHashMap<>();
		hosts.forEach(host -> host.lockedAccounts().forEach(named -> locked.putIfAbsent(named.user(), named)));
		return List.copyOf(locked.values());
	}

	/**
	 * The hosts "Release everything" releases on: where something was found, and where it could not be asked, as the
	 * address or user may be held there (that host's part of the job waits until it answers).
	 */
	public List<String> foundOn() {
		return hosts.stream().filter(host -> host.foundAnything() || host.notAsked()).map(LookupResult::host).toList();
	}

	/** Whether every host could be asked and nothing was found on any. */
	public boolean knownToBeClear() {
		return hosts.stream().allMatch(LookupResult::knownToBeClear);
	}

}
