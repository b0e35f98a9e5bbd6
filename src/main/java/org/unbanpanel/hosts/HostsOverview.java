package org.unbanpanel.hosts;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What the hosts page shows: every host asked at once, each through its one session: is it reachable, and what does
 * each {@link HostTool} say there. A host that cannot be reached is not asked about its tools.
 */
@Component
class HostsOverview {

	/** Hosts asked at once; each waits at most the connect timeout and one command timeout per tool. */
	static final int AT_ONCE = 8;

	private final Hosts hosts;

	private final ObjectProvider<HostTool> tools;

	private final ThreadPoolExecutor askers;

	HostsOverview(Hosts hosts, ObjectProvider<HostTool> tools) {
		this.hosts = hosts;
		this.tools = tools;
		this.askers = new ThreadPoolExecutor(AT_ONCE, AT_ONCE, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
				task -> {
					Thread thread = new Thread(task, "hosts-overview");
					thread.setDaemon(true);
					return thread;
				});
		this.askers.allowCoreThreadTimeOut(true);
	}

	/** Every host asked at once, one row each in the order of the settings, and the panel's own key. */
	HostsPage page() {
		List<HostTool> ordered = tools.orderedStream().toList();
		List<HostRow> rows = hosts.all()
			.stream()
			.map(host -> CompletableFuture.supplyAsync(() -> row(host, ordered), askers))
			.toList()
			.stream()
			.map(CompletableFuture::join)
			.toList();
		PanelKey key = hosts.panelKey();
		return new HostsPage(rows, ordered.stream().map(HostTool::name).toList(), key.publicKey(), key.fingerprint());
	}

	private HostRow row(Host host, List<HostTool> ordered) {
		boolean reachable = hosts.check(host).reachable();
		List<HostTool.Report> reports = ordered.stream()
			.map(tool -> reachable ? tool.report(host) : HostTool.Report.NOT_ASKED)
			.toList();
		return hosts.remote(host.name())
			.map(ssh -> new HostRow(host.name(), ssh.address() + ":" + ssh.port(), ssh.user(), ssh.status(), reports,
					hosts.authorizedKeysLine(ssh), ssh.identity().fingerprint()))
			.orElseGet(() -> new HostRow(host.name(), null, null, HostStatus.local(), reports, null, null));
	}

	/**
	 * @param tools the {@link HostTool} names, the headings of the rows' reports
	 * @param publicKey the panel's own public key, {@code ssh-ed25519 AAAA…}
	 * @param fingerprint its fingerprint, {@code SHA256:…}
	 */
	record HostsPage(List<HostRow> hosts, List<String> tools, String publicKey, String fingerprint) {
	}

	/**
	 * @param address {@code address:port}, {@code null} for the local machine
	 * @param status read again after the tools ran, so that it says what their commands found
	 * @param reports one per {@link HostTool}, in the tools' order
	 * @param authorizedKeysLine what the host's {@code authorized_keys} needs for the panel's key
	 * @param identityFingerprint the fingerprint of the key the panel logs in there with
	 */
	record HostRow(HostName name, String address, String user, HostStatus status, List<HostTool.Report> reports,
			String authorizedKeysLine, String identityFingerprint) {

		public boolean local() {
			return address == null;
		}

	}

}
