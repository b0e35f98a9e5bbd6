package org.unbanpanel.jobs;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.unbanpanel.fail2ban.Fail2bans;
import org.unbanpanel.hosts.Host;
import org.unbanpanel.hosts.HostName;
import org.unbanpanel.hosts.Hosts;
import org.unbanpanel.pam.AccountLocksOnHosts;

/** The panel's fleet: {@link Hosts#all()}, each host's fail2ban and account locks from the adapters. */
@Component
class FleetOfHosts implements Fleet {

	private final Hosts hosts;

	private final Fail2bans fail2bans;

	private final AccountLocksOnHosts accountLocks;

	FleetOfHosts(Hosts hosts, Fail2bans fail2bans, AccountLocksOnHosts accountLocks) {
		this.hosts = hosts;
		this.fail2bans = fail2bans;
		this.accountLocks = accountLocks;
	}

	@Override
	public List<HostName> names() {
		return hosts.all().stream().map(Host::name).toList();
	}

	@Override
	public Optional<Tools> tools(HostName name) {
		return hosts.find(name).map(host -> new Tools(fail2bans.on(host), accountLocks.on(host)));
	}

}
