package org.unbanpanel.fail2ban;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The threads that run the {@link SharedReads shared reads} of every host, the local machine's and each remote
 * host's: at most {@link #SIZE}, made as reads come and ended after a minute idle, ended when the panel stops. More
 * runs at once wait for a thread; a run counts as started, for whether fail2ban answers, only when a thread takes it
 * up, so a host whose read waits here is not taken for silent.
 */
@Component
class ReadRuns implements Executor, DisposableBean {

	/**
	 * Twice {@code Hosts.MAX_ASKED_AT_ONCE}: each thread asking a host waits for one read at a time, and as many runs
	 * again may go on in the background for hosts that hang, after their readers took the last known state.
	 */
	static final int SIZE = 64;

	private final ThreadPoolExecutor pool = new ThreadPoolExecutor(SIZE, SIZE, 1, TimeUnit.MINUTES,
			new LinkedBlockingQueue<>(), ReadRuns::runThread);

	ReadRuns() {
		pool.allowCoreThreadTimeOut(true);
	}

	@Override
	public void execute(Runnable run) {
		pool.execute(run);
	}

	@Override
	public void destroy() {
		pool.shutdownNow();
	}

	private static Thread runThread(Runnable task) {
		Thread thread = new Thread(task, "fail2ban-read");
		thread.setDaemon(true);
		return thread;
	}

}
