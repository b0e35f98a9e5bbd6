package org.unbanpanel.pam;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import org.unbanpanel.exec.CommandException;
import org.unbanpanel.exec.CommandRunner;

/**
 * Tells whether a configured command's program is on a machine. The program is the command's last element, so a
 * prefix such as {@code sudo -n} is looked through: sudo is present on machines without faillock too. A name with a
 * {@code /} is taken as a path, any other name is looked up in the search path, like the runner will.
 */
final class ToolLocator {

	private final Predicate<String> installed;

	ToolLocator(List<Path> searchPath) {
		List<Path> dirs = List.copyOf(searchPath);
		this.installed = program -> program.contains("/") ? Files.isExecutable(Path.of(program))
				: dirs.stream().anyMatch(dir -> Files.isExecutable(dir.resolve(program)));
	}

	private ToolLocator(Predicate<String> installed) {
		this.installed = installed;
	}

	/** A locator over this process's {@code PATH}. */
	static ToolLocator fromEnvironment() {
		String path = System.getenv().getOrDefault("PATH", "");
		return new ToolLocator(
				Arrays.stream(path.split(File.pathSeparator)).filter(dir -> !dir.isEmpty()).map(Path::of).toList());
	}

	/**
	 * A locator that asks the machine the runner runs on: {@code test -x <path>}, or {@code which <name>} in its
	 * search path.
	 * @throws CommandException from {@link #isInstalled} when the machine cannot be asked
	 */
	static ToolLocator on(CommandRunner runner) {
		return new ToolLocator(program -> runner
			.run(program.contains("/") ? List.of("test", "-x", program) : List.of("which", program))
			.succeeded());
	}

	boolean isInstalled(List<String> command) {
		return !command.isEmpty() && installed.test(command.get(command.size() - 1));
	}

}
