package org.unbanpanel.watch;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.fail2ban.Fail2bans;
import org.unbanpanel.fail2ban.HeldBan;
import org.unbanpanel.hosts.HostAnswer;
import org.unbanpanel.hosts.HostName;
import org.unbanpanel.hosts.Hosts;

/**
 * Asks the hosts side by side ({@link Hosts#ask}: each within the command timeout, a host that cannot be reached
 * answers with why), one {@code fail2ban-client banned} on each host that has watched addresses and none on the
 * others.
 */
@Component
class FleetBans implements BansOnHosts {

	private final Hosts hosts;

	private final Fail2bans fail2bans;

	FleetBans(Hosts hosts, Fail2bans fail2bans) {
		this.hosts = hosts;
		this.fail2bans = fail2bans;
	}

	@Override
	public List<HostAnswer<Map<BanTarget, List<HeldBan>>>> whereBannedNow(Map<HostName, List<BanTarget>> watched) {
		return hosts.ask(host -> watched.containsKey(host.name()),
				host -> fail2bans.on(host).whereBannedNow(watched.get(host.name())));
	}

}
