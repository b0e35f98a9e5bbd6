package org.unbanpanel.exec;

import java.time.Duration;

/** The real {@link CommandRunner}, for integration tests in other packages. */
public final class TestCommandRunners {

	private TestCommandRunners() {
	}

	/** Runs programs for real with this timeout, keeping up to 1 MB of each output stream. */
	public static CommandRunner real(Duration timeout) {
		return new ExecCommandRunner(timeout, 1024 * 1024);
	}

}
