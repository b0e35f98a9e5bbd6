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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;
import org.unbanpanel.core.ExplainedException;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.core.InvalidValueException;
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

	private static final Logger logger = LoggerFactory.getLogger(Hosts.class);

	/**
	 * How many remote hosts {@link #ask} asks at once, over all questions; more wait for a turn, and each host's time
	 * limit starts when its turn does.
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

	/**
	 * Whether the machine the panel runs on is one of its hosts ({@code panel.local-host}, default true): when it is
	 * not, nothing of the panel asks this machine's own fail2ban or account tool.
	 */
	public static boolean includesThisMachine(Environment environment) {
		return Binder.get(environment).bind("panel.local-host", Boolean.class).orElse(true);
	}

	/** Every host, in the order of the settings. */
	public List<Host> all() {
		return List.copyOf(hosts.values());
	}

	public Optional<Host> find(HostName name) {
		return Optional.ofNullable(hosts.get(name));
	}

	/**
	 * The host a page or an API call names, as given.
	 * @throws NoSuchHostException when it is not a host name, or not one of the panel's hosts
	 */
	public Host named(String name) {
		try {
			return find(HostName.parse(name)).orElseThrow(() -> new NoSuchHostException(name));
		}
		catch (InvalidValueException ex) {
			throw new NoSuchHostException(name);
		}
	}

	/**
	 * Asks every host at once: the remote ones side by side, each within the command timeout
	 * ({@code panel.commands.timeout}) for its whole answer, counted from when a thread of the pool takes its question
	 * up, the local one on this thread, as a single-host panel asks it. A host that throws an
	 * {@link ExplainedException} (it cannot be reached, its tool failed) or does not answer in time answers with why;
	 * one whose question fails otherwise (a fault of the panel's, logged) answers {@code hosts.failed}; one that gets no
	 * turn while the question's hosts could each have had theirs (one timeout per {@link #MAX_ASKED_AT_ONCE} remote
	 * hosts: every thread is held by hosts that hang) answers {@code hosts.noTurn}; the others still answer. When this
	 * thread is interrupted, or anything else ends the wait, the questions not yet answered are cancelled.
	 * @return one answer per host, in the order of {@link #all()}
	 */
	public <T> List<HostAnswer<T>> ask(Function<Host, T> question) {
		return ask(host -> true, question);
	}

	/**
	 * Asks the hosts that {@code which} picks, as {@link #ask(Function)} asks every host; the others are neither asked
	 * nor answered for, nor count for the turns.
	 * @return one answer per host picked, in the order of {@link #all()}
	 */
	public <T> List<HostAnswer<T>> ask(Predicate<Host> which, Function<Host, T> question) {
		List<Host> picked = hosts.values().stream().filter(which).toList();
		List<Host> remoteHosts = picked.stream().filter(host -> !host.isLocal()).toList();
		int turns = (remoteHosts.size() + MAX_ASKED_AT_ONCE - 1) / MAX_ASKED_AT_ONCE;
		long turnDeadline = System.nanoTime() + turns * answerWithin.toNanos();
		Map<HostName, Asked<T>> asked = new LinkedHashMap<>();
		try {
			remoteHosts.forEach(host -> asked.put(host.name(), new Asked<>(host, question, questions)));
			List<HostAnswer<T>> answers = new ArrayList<>();
			for (Host host : picked) {
				answers.add(host.isLocal() ? answerHere(host, question) : awaited(asked.get(host.name()), turnDeadline));
			}
			return answers;
		}
		finally {
			asked.values().forEach(Asked::cancel);
		}
	}

	private static <T> HostAnswer<T> answerHere(Host host, Function<Host, T> question) {
		try {
			return new HostAnswer<>(host.name(), question.apply(host), null);
		}
		catch (ExplainedException ex) {
			return new HostAnswer<>(host.name(), null, ex.explanation());
		}
		catch (RuntimeException ex) {
			return failed(host.name(), ex);
		}
	}

	private <T> HostAnswer<T> awaited(Asked<T> asked, long turnDeadline) {
		HostName host = asked.name();
		try {
			if (!asked.started.await(remaining(turnDeadline), TimeUnit.NANOSECONDS)) {
				asked.cancel();
				return new HostAnswer<>(host, null, Explanation.of("hosts.noTurn", host.value()));
			}
			long deadline = asked.startedAt + answerWithin.toNanos();
			return new HostAnswer<>(host, asked.answer.get(remaining(deadline), TimeUnit.NANOSECONDS), null);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof ExplainedException explained) {
				return new HostAnswer<>(host, null, explained.explanation());
			}
			return failed(host, ex.getCause());
		}
		catch (TimeoutException ex) {
			asked.cancel();
			return new HostAnswer<>(host, null, Explanation.of("hosts.noAnswer", host.value(), answerWithin.toMillis()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			asked.cancel();
			return new HostAnswer<>(host, null, Explanation.of("hosts.connectInterrupted", host.value()));
		}
	}

	private static <T> HostAnswer<T> failed(HostName host, Throwable failure) {
		logger.error("Asking host {} failed", host, failure);
		return new HostAnswer<>(host, null, Explanation.of("hosts.failed", host.value()));
	}

	private static long remaining(long deadline) {
		return Math.max(0, deadline - System.nanoTime());
	}

	/** One remote host's question, given to the pool, and when a thread of the pool took it up. */
	private static final class Asked<T> {

		private final Host host;

		private final CountDownLatch started = new CountDownLatch(1);

		private volatile long startedAt;

		private final Future<T> answer;

		Asked(Host host, Function<Host, T> question, ExecutorService pool) {
			this.host = host;
			this.answer = pool.submit(() -> {
				startedAt = System.nanoTime();
				started.countDown();
				return question.apply(host);
			});
		}

		HostName name() {
			return host.name();
		}

		void cancel() {
			answer.cancel(true);
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
