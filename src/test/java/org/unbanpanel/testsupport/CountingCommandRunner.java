package org.unbanpanel.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.unbanpanel.exec.CommandResult;
import org.unbanpanel.exec.CommandRunner;

/** Hands every command to another runner and counts the processes started, to prove a batch costs a fixed number. */
public final class CountingCommandRunner implements CommandRunner {

	private final CommandRunner delegate;

	private final Queue<List<String>> commands = new ConcurrentLinkedQueue<>();

	public CountingCommandRunner(CommandRunner delegate) {
		this.delegate = delegate;
	}

	@Override
	public CommandResult run(List<String> command, Duration extraTime) {
		commands.add(List.copyOf(command));
		return delegate.run(command, extraTime);
	}

	/** How many commands ran since the last call, which starts a new count. */
	public int takeCount() {
		return takeCommands().size();
	}

	/** The commands that ran since the last call, in their order; the next call starts anew. */
	public List<List<String>> takeCommands() {
		List<List<String>> taken = new ArrayList<>();
		for (List<String> command = commands.poll(); command != null; command = commands.poll()) {
			taken.add(command);
		}
		return taken;
	}

}
