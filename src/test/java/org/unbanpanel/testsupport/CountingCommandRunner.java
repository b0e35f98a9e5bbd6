package org.unbanpanel.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.unbanpanel.exec.CommandResult;
import org.unbanpanel.exec.CommandRunner;

/** Hands every command to another runner and counts the processes started, to prove a batch costs a fixed number. */
public final class CountingCommandRunner implements CommandRunner {

	private final CommandRunner delegate;

	private final AtomicInteger runs = new AtomicInteger();

	public CountingCommandRunner(CommandRunner delegate) {
		this.delegate = delegate;
	}

	@Override
	public CommandResult run(List<String> command, Duration extraTime) {
		runs.incrementAndGet();
		return delegate.run(command, extraTime);
	}

	/** How many commands ran since the last call, which starts a new count. */
	public int takeCount() {
		return runs.getAndSet(0);
	}

}
