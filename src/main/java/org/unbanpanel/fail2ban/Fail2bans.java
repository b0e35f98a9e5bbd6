package org.unbanpanel.fail2ban;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.unbanpanel.hosts.Host;
import org.unbanpanel.hosts.HostName;
import org.unbanpanel.hosts.HostTool;

/**
 * The {@link Fail2ban} of every host: the panel's own bean for the local machine, and for another host a
 * fail2ban-client adapter over that host's runner, with the host's {@code fail2ban.command}. As the hosts page's tool
 * {@code fail2ban}, it gives each host's fail2ban version, or why fail2ban cannot be asked there.
 */
@Component
@Order(1)
public class Fail2bans implements HostTool {

	private final Fail2ban local;

	private final Map<HostName, Fail2ban> remote = new ConcurrentHashMap<>();

	Fail2bans(Fail2ban local) {
		this.local = local;
	}

	public Fail2ban on(Host host) {
		return host.isLocal() ? local : remote.computeIfAbsent(host.name(),
				name -> new CommandFail2ban(host.runner(), host.settings("fail2ban", Fail2banProperties.class)));
	}

	@Override
	public String name() {
		return "fail2ban";
	}

	@Override
	public Report report(Host host) {
		try {
			return Report.of(on(host).version());
		}
		catch (Fail2banException ex) {
			return Report.problem(ex.explanation());
		}
	}

}
