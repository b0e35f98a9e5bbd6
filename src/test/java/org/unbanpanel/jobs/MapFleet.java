package org.unbanpanel.jobs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.unbanpanel.fail2ban.Fail2ban;
import org.unbanpanel.hosts.HostName;
import org.unbanpanel.pam.AccountLocks;

/** A fleet for the worker's unit tests: the hosts given, in their order, each with its tools. */
final class MapFleet implements Fleet {

	private final Map<HostName, Tools> hosts = new LinkedHashMap<>();

	/** The local machine alone, as a panel without {@code panel.hosts}. */
	static MapFleet local(Fail2ban fail2ban, AccountLocks accountLocks) {
		return new MapFleet().with(HostName.LOCAL, fail2ban, accountLocks);
	}

	MapFleet with(HostName host, Fail2ban fail2ban, AccountLocks accountLocks) {
		hosts.put(host, new Tools(fail2ban, accountLocks));
		return this;
	}

	MapFleet without(HostName host) {
		hosts.remove(host);
		return this;
	}

	@Override
	public List<HostName> names() {
		return List.copyOf(hosts.keySet());
	}

	@Override
	public Optional<Tools> tools(HostName host) {
		return Optional.ofNullable(hosts.get(host));
	}

}
