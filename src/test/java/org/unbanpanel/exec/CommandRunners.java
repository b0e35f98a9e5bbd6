package org.unbanpanel.exec;

import java.time.Duration;

/**
 * The real {@link CommandRunner} for integration tests in other packages, which cannot reach its constructor, and
 * results for tests that stub a runner.
 */
public final class CommandRunners {

	private CommandRunners() {
	}

	/** The commons-exec runner with the given timeout, a 64 MB output cap and the default 4 runs at once. */
	public static CommandRunner real(Duration timeout) {
		return new ExecCommandRunner(timeout, 64L * 1024 * 1024, 4);
	}

	/** What a program that printed {@code stdout} and exited 0 returns. */
	public static CommandResult ok(String stdout) {
		return new CommandResult(0, stdout, "", false);
	}

}
