package org.unbanpanel.exec;

import java.util.List;

/**
 * Runs one external program with an argument list that reaches the process untouched: no shell, no splitting, no
 * quoting. Every call is bounded by the configured timeout.
 */
public interface CommandRunner {

	/**
	 * Runs the program and waits for it, at most for the configured timeout.
	 * @param command the program followed by its arguments, each element one argv entry
	 * @return exit code and captured output; a non-zero exit code is a result, not an exception
	 * @throws CommandException when the program could not be started, was refused by sudo, or timed out
	 */
	CommandResult run(List<String> command);

}
