package org.unbanpanel.testsupport;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The real fail2ban-client processes of one server while it watches ({@link Fail2banServer#watchClients}): every pid
 * seen, and the most alive at once. A fail2ban-client lives a tenth of a second at least, so a scan every few
 * milliseconds sees each one.
 */
public final class ClientWatch implements AutoCloseable {

	private final Set<Long> seen = ConcurrentHashMap.newKeySet();

	private final AtomicInteger mostAtOnce = new AtomicInteger();

	private final AtomicBoolean watching = new AtomicBoolean(true);

	private final Thread scanner;

	ClientWatch(Supplier<List<Long>> processes) {
		this.scanner = new Thread(() -> {
			while (watching.get()) {
				List<Long> alive = processes.get();
				seen.addAll(alive);
				mostAtOnce.accumulateAndGet(alive.size(), Math::max);
				sleepBriefly();
			}
		}, "fail2ban-client watch");
		scanner.setDaemon(true);
		scanner.start();
	}

	/** How many processes were started while it watched. */
	public int started() {
		return seen.size();
	}

	public int mostAtOnce() {
		return mostAtOnce.get();
	}

	/** Stops watching; the figures stay. */
	@Override
	public void close() {
		watching.set(false);
		try {
			scanner.join(5_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void sleepBriefly() {
		try {
			Thread.sleep(2);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
