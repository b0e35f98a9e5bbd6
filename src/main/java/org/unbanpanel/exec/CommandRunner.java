package org.unbanpanel.exec;

import java.time.Duration;
import java.util.List;

/**
 * Runs one external program with an argument list that reaches the process untouched: no shell, no splitting, no
 * quoting. Every call is bounded by the configured timeout.
 */
@FunctionalInterface
public interface CommandRunner {

	/**
	 * Runs the program and waits for it, at most for the configured timeout lengthened by {@code extraTime}: a call
	 * whose work grows with what it carries (an unban of many addresses) is given the time that work needs.
	 * @param command the program followed by its arguments, each element one argv entry
	 * @param extraTime added to the configured timeout; {@link Duration#ZERO} for none
	 * @return exit code and captured output; a non-zero exit code is a result, not an exception
	 * @throws CommandException when the program could not be started, was refused by sudo, or timed out
	 */
	CommandResult run(List<String> command, Duration extraTime);

	/** Runs the program within the configured timeout. */
	default CommandResult run(List<String> command) {
		return run(command, Duration.ZERO);
	}

}
