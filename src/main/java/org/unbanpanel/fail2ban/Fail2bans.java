package org.unbanpanel.fail2ban;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.unbanpanel.hosts.Host;
import org.unbanpanel.hosts.HostName;
import org.unbanpanel.hosts.HostTool;

/**
 * The {@link Fail2ban} and {@link JailSettings} of every host: the panel's own beans for the local machine, and for
 * another host a fail2ban-client adapter over that host's runner, with the host's {@code fail2ban.command}, behind
 * shared reads of its own ({@code panel.fail2ban.reads.*}, as locally: a host that hangs answers with its last known
 * state, and says since when), on the threads every host's reads share ({@link ReadRuns}). As the hosts page's tool
 * {@code fail2ban}, it gives each host's fail2ban version, or why fail2ban cannot be asked there.
 */
@Component
@Order(1)
public class Fail2bans implements HostTool {

	private final Fail2ban local;

	private final JailSettings localSettings;

	private final ReadsProperties reads;

	private final Clock clock;

	private final ReadRuns runs;

	private final Map<HostName, SharedReads> remote = new ConcurrentHashMap<>();

	Fail2bans(Fail2ban local, JailSettings localSettings, ReadsProperties reads, Clock clock, ReadRuns runs) {
		this.local = local;
		this.runs = runs;
		this.localSettings = localSettings;
		this.reads = reads;
		this.clock = clock;
	}

	public Fail2ban on(Host host) {
		return host.isLocal() ? local : remote(host).fail2ban();
	}

	/** The host's jail settings, shared as its {@link #on fail2ban}'s reads are. */
	public JailSettings settingsOn(Host host) {
		return host.isLocal() ? localSettings : remote(host).settings();
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

	private SharedReads remote(Host host) {
		return remote.computeIfAbsent(host.name(), name -> SharedReads.over(host.runner(),
				host.settings("fail2ban", Fail2banProperties.class), reads, clock, runs));
	}

}
