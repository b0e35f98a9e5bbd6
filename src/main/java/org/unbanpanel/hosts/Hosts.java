package org.unbanpanel.hosts;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;
import org.unbanpanel.core.ExplainedException;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.exec.CommandRunner;
import org.unbanpanel.exec.CommandsProperties;

/**
 * The hosts of the fleet, in the order of the settings: the local machine first (unless {@code panel.local-host} is
 * false), then each of {@code panel.hosts}. Holds the panel's own SSH key and one SSH session per remote host,
 * opened when a command first needs it. The key is read (or created, at the first start) when the panel starts only if
 * a remote host logs in with it; otherwise when the hosts page first shows it, so that a panel without remote hosts
 * loads nothing of SSH nor of BouncyCastle, which MINA SSHD registers for its keys.
 */
@Component
public class Hosts implements DisposableBean {

	/**
	 * How many remote hosts {@link #ask} asks at once, over all questions; more wait for a turn, within the same time
	 * limit.
	 */
	static final int MAX_ASKED_AT_ONCE = 32;

	private final Map<HostName, Host> hosts = new LinkedHashMap<>();

	private final Map<HostName, SshHost> remote = new LinkedHashMap<>();

	private final Supplier<PanelKey> panelKey;

	private final List<String> from;

	private final SshTransport transport;

	private final Duration answerWithin;

	private final ExecutorService questions;

	Hosts(HostsProperties properties, CommandsProperties commands, CommandRunner localRunner, Environment environment,
			Clock clock, List<RemoteRunnerWrapper> wrappers) {
		Binder binder = Binder.get(environment);
		Path identityFile = identityFile(properties.ssh(), environment);
		this.panelKey = SingletonSupplier.of(() -> PanelKey.loadOrCreate(identityFile));
		this.from = properties.ssh().from();
		this.transport = properties.hosts().isEmpty() ? null : new SshTransport(properties.ssh().keepalive());
		this.answerWithin = commands.timeout();
		this.questions = questionPool();
		if (properties.localHost()) {
			hosts.put(HostName.LOCAL, new Host(HostName.LOCAL, localRunner, binder, null));
		}
		List<HostsProperties.Remote> configured = properties.hosts();
		for (int i = 0; i < configured.size(); i++) {
			HostsProperties.Remote settings = configured.get(i);
			PanelKey identity = settings.identity() == null ? panelKey.get() : PanelKey.load(settings.identity());
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

	/**
	 * Asks every host at once: the remote ones side by side, each within the command timeout
	 * ({@code panel.commands.timeout}) for its whole answer, the local one on this thread, as a single-host panel asks
	 * it. A host that throws an {@link ExplainedException} (it cannot be reached, its tool failed) or does not answer
	 * in time answers with why, and the others still answer.
	 * @return one answer per host, in the order of {@link #all()}
	 */
	public <T> List<HostAnswer<T>> ask(Function<Host, T> question) {
		long deadline = System.nanoTime() + answerWithin.toNanos();
		Map<HostName, Future<T>> asked = new LinkedHashMap<>();
		hosts.values().stream().filter(host -> !host.isLocal()).forEach(host ->
				asked.put(host.name(), questions.submit(() -> question.apply(host))));
		List<HostAnswer<T>> answers = new ArrayList<>();
		for (Host host : hosts.values()) {
			answers.add(host.isLocal() ? answerHere(host, question) : awaited(host.name(), asked.get(host.name()), deadline));
		}
		return answers;
	}

	private static <T> HostAnswer<T> answerHere(Host host, Function<Host, T> question) {
		try {
			return new HostAnswer<>(host.name(), question.apply(host), null);
		}
		catch (ExplainedException ex) {
			return new HostAnswer<>(host.name(), null, ex.explanation());
		}
	}

	private <T> HostAnswer<T> awaited(HostName host, Future<T> answer, long deadline) {
		try {
			return new HostAnswer<>(host, answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS),
					null);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof ExplainedException explained) {
				return new HostAnswer<>(host, null, explained.explanation());
			}
			throw new IllegalStateException("Asking host " + host + " failed", ex.getCause());
		}
		catch (TimeoutException ex) {
			answer.cancel(true);
			return new HostAnswer<>(host, null, Explanation.of("hosts.noAnswer", host.value(), answerWithin.toMillis()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			answer.cancel(true);
			return new HostAnswer<>(host, null, Explanation.of("hosts.connectInterrupted", host.value()));
		}
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
		return panelKey.get();
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
		questions.shutdownNow();
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

	/**
	 * At most {@link #MAX_ASKED_AT_ONCE} threads, made when questions come and ended after a minute idle, shared by
	 * every question: a host that hangs holds one only until the timeout, and several lookups at once do not queue
	 * behind each other while there are threads left.
	 */
	private static ExecutorService questionPool() {
		ThreadPoolExecutor pool = new ThreadPoolExecutor(MAX_ASKED_AT_ONCE, MAX_ASKED_AT_ONCE, 1, TimeUnit.MINUTES,
				new LinkedBlockingQueue<>(), Hosts::questionThread);
		pool.allowCoreThreadTimeOut(true);
		return pool;
	}

	private static Thread questionThread(Runnable task) {
		Thread thread = new Thread(task, "hosts-ask");
		thread.setDaemon(true);
		return thread;
	}

	private static Path identityFile(HostsProperties.Ssh ssh, Environment environment) {
		if (ssh.identity() != null) {
			return ssh.identity();
		}
		return Path.of(environment.getProperty("panel.data-dir", "./data"), "ssh", "id_ed25519");
	}

}
