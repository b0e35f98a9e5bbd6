package org.unbanpanel.pam;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Tells whether a configured command's program is on this machine. The program is the command's last element, so a
 * prefix such as {@code sudo -n} is looked through: sudo is present on machines without faillock too. A name with a
 * {@code /} is taken as a path, any other name is looked up in the search path, like the runner will.
 */
final class ToolLocator {

	private final List<Path> searchPath;

	ToolLocator(List<Path> searchPath) {
		this.searchPath = List.copyOf(searchPath);
	}

	/** A locator over this process's {@code PATH}. */
	static ToolLocator fromEnvironment() {
		String path = System.getenv().getOrDefault("PATH", "");
		return new ToolLocator(
				Arrays.stream(path.split(File.pathSeparator)).filter(dir -> !dir.isEmpty()).map(Path::of).toList());
	}

	boolean isInstalled(List<String> command) {
		if (command.isEmpty()) {
			return false;
		}
		String program = command.get(command.size() - 1);
		if (program.contains("/")) {
			return Files.isExecutable(Path.of(program));
		}
		return searchPath.stream().anyMatch(dir -> Files.isExecutable(dir.resolve(program)));
	}

}
