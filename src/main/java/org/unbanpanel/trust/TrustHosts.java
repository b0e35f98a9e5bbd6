package org.unbanpanel.trust;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.unbanpanel.core.Explanation;
import org.unbanpanel.fail2ban.Fail2ban;
import org.unbanpanel.fail2ban.Fail2banException;
import org.unbanpanel.fail2ban.Fail2bans;
import org.unbanpanel.hosts.HostName;
import org.unbanpanel.hosts.Hosts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The hosts trusts are kept on: each host's fail2ban, one change at a time per host (its lock), and several hosts at
 * once on a pool of {@link TrustProperties#parallelHosts()} threads, so that a host that hangs delays only its own
 * trusts.
 */
@Component
class TrustHosts implements AutoCloseable {

	private final Function<HostName, Optional<Fail2ban>> fail2bans;

	private final ExecutorService pool;

	private final Map<String, Object> locks = new ConcurrentHashMap<>();

	@Autowired
	TrustHosts(Hosts hosts, Fail2bans fail2bans, TrustProperties properties) {
		this(name -> hosts.find(name).map(fail2bans::on), properties.parallelHosts());
	}

	/** @param fail2bans each host's fail2ban, none for a host that is not the panel's */
	TrustHosts(Function<HostName, Optional<Fail2ban>> fail2bans, int parallelHosts) {
		this.fail2bans = fail2bans;
		AtomicInteger threads = new AtomicInteger();
		this.pool = Executors.newFixedThreadPool(parallelHosts,
				task -> new Thread(task, "trust-host-" + threads.incrementAndGet()));
	}

	/**
	 * The host's fail2ban.
	 * @throws Fail2banException when the host is no longer one of the panel's: its trusts wait until it is again
	 */
	Fail2ban fail2banOn(String host) {
		return fail2bans.apply(HostName.parse(host))
			.orElseThrow(() -> new Fail2banException(Fail2banException.Reason.UNREACHABLE,
					Explanation.of("job.host.unknown", host)));
	}

	/**
	 * Does each host's part under that host's lock, the hosts side by side, and waits for all of them.
	 * @throws RuntimeException the first host's failure, once every host has done its part
	 */
	<T> void eachHost(Map<String, T> parts, BiConsumer<String, T> work) {
		List<Future<?>> running = parts.entrySet()
			.stream()
			.<Future<?>>map(part -> pool.submit(() -> underLock(part.getKey(), () -> work.accept(part.getKey(),
					part.getValue()))))
			.toList();
		awaitAll(running);
	}

	private static void awaitAll(List<Future<?>> running) {
		RuntimeException first = null;
		for (Future<?> host : running) {
			try {
				host.get();
			}
			catch (ExecutionException ex) {
				if (first == null) {
					first = (ex.getCause() instanceof RuntimeException runtime) ? runtime
							: new IllegalStateException(ex.getCause());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				running.forEach(other -> other.cancel(true));
				throw new IllegalStateException("Interrupted while keeping the trusts", ex);
			}
		}
		if (first != null) {
			throw first;
		}
	}

	/** Does the work on a thread of the pool, outside this thread's transaction, and waits for it. */
	void apart(Runnable work) {
		awaitAll(List.of(pool.submit(work)));
	}

	/** Does the work under the host's lock, on this thread. */
	void underLock(String host, Runnable work) {
		synchronized (locks.computeIfAbsent(host, name -> new Object())) {
			work.run();
		}
	}

	@Override
	public void close() {
		pool.shutdownNow();
	}

}
