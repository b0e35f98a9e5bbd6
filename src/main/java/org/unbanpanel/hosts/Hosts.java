package org.unbanpanel.hosts;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.unbanpanel.exec.CommandRunner;
import org.unbanpanel.exec.CommandsProperties;

/**
 * The hosts of the fleet, in the order of the settings: the local machine first (unless {@code panel.local-host} is
 * false), then each of {@code panel.hosts}. Holds the panel's own SSH key, created at the first start, and one SSH
 * session per remote host, opened when a command first needs it.
 */
@Component
public class Hosts implements DisposableBean {

	private final Map<HostName, Host> hosts = new LinkedHashMap<>();

	private final Map<HostName, SshHost> remote = new LinkedHashMap<>();

	private final PanelKey panelKey;

	private final List<String> from;

	private final SshTransport transport;

	Hosts(HostsProperties properties, CommandsProperties commands, CommandRunner localRunner, Environment environment,
			Clock clock, List<RemoteRunnerWrapper> wrappers) {
		Binder binder = Binder.get(environment);
		this.panelKey = PanelKey.loadOrCreate(identityFile(properties.ssh(), environment));
		this.from = properties.ssh().from();
		this.transport = properties.hosts().isEmpty() ? null : new SshTransport(properties.ssh().keepalive());
		if (properties.localHost()) {
			hosts.put(HostName.LOCAL, new Host(HostName.LOCAL, localRunner, binder, null));
		}
		List<HostsProperties.Remote> configured = properties.hosts();
		for (int i = 0; i < configured.size(); i++) {
			HostsProperties.Remote settings = configured.get(i);
			PanelKey identity = settings.identity() == null ? panelKey : PanelKey.load(settings.identity());
			SshHost host = new SshHost(settings, identity, transport, properties.ssh(), clock);
			remote.put(host.name(), host);
			CommandRunner runner = new SshCommandRunner(host, commands.timeout(), commands.maxOutput().toBytes(),
					properties.ssh().channelsPerHost());
			for (RemoteRunnerWrapper wrapper : wrappers) {
				runner = wrapper.wrap(host.name(), runner);
			}
			hosts.put(host.name(), new Host(host.name(), runner, binder, "panel.hosts[" + i + "]"));
		}
	}

	/** Every host, in the order of the settings. */
	public List<Host> all() {
		return List.copyOf(hosts.values());
	}

	public Optional<Host> find(HostName name) {
		return Optional.ofNullable(hosts.get(name));
	}

	/** Whether the host answers, as far as the panel knows; a remote host that was never asked is asked now. */
	HostStatus check(Host host) {
		SshHost ssh = remote.get(host.name());
		if (ssh == null) {
			return HostStatus.local();
		}
		try {
			ssh.session();
		}
		catch (RuntimeException ex) {
			// the status says why
		}
		return ssh.status();
	}

	Optional<SshHost> remote(HostName name) {
		return Optional.ofNullable(remote.get(name));
	}

	PanelKey panelKey() {
		return panelKey;
	}

	/**
	 * The line the host's {@code authorized_keys} needs for the key the panel logs in there with: from the configured
	 * {@code panel.ssh.from}, else from the address this machine sends from towards the host (a route lookup, no
	 * packet is sent).
	 */
	String authorizedKeysLine(SshHost host) {
		return host.identity().authorizedKeysLine(from.isEmpty() ? List.of(sourceAddressTowards(host)) : from);
	}

	@Override
	public void destroy() throws IOException {
		remote.values().forEach(SshHost::close);
		if (transport != null) {
			transport.destroy();
		}
	}

	private static String sourceAddressTowards(SshHost host) {
		try (DatagramSocket socket = new DatagramSocket()) {
			socket.connect(new InetSocketAddress(host.address(), host.port()));
			return socket.getLocalAddress().getHostAddress();
		}
		catch (IOException | RuntimeException ex) {
			return "ADDRESS-OF-THE-PANEL";
		}
	}

	private static Path identityFile(HostsProperties.Ssh ssh, Environment environment) {
		if (ssh.identity() != null) {
			return ssh.identity();
		}
		return Path.of(environment.getProperty("panel.data-dir", "./data"), "ssh", "id_ed25519");
	}

}
