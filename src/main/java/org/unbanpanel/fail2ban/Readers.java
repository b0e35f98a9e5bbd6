package org.unbanpanel.fail2ban;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs fail2ban-client reads side by side. Each run is a Python process that spends most of its time starting up, so
 * a few at once fill two cores; the threads end when idle.
 */
final class Readers {

	/** How many fail2ban-client runs go at once. */
	static final int AT_ONCE = 4;

	private Readers() {
	}

	static ThreadPoolExecutor pool(String name) {
		ThreadPoolExecutor pool = new ThreadPoolExecutor(AT_ONCE, AT_ONCE, 10, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(), task -> {
					Thread thread = new Thread(task, name);
					thread.setDaemon(true);
					return thread;
				});
		pool.allowCoreThreadTimeOut(true);
		return pool;
	}

	/** The reader's own exception, as if the run had been made on this thread. */
	static <T> T join(CompletableFuture<T> future) {
		try {
			return future.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

}
