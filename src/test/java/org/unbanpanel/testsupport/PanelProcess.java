package org.unbanpanel.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.unbanpanel.UnbanPanelApplication;

/**
 * The whole panel in a JVM of its own, started from the tests' class path with the arguments of
 * {@link PanelApplication}, so that a test can kill it as a power cut would ({@code kill -9}: no shutdown hook, no
 * finished transaction beyond those already committed) and start the panel again on the same data folder.
 */
public final class PanelProcess implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	private final Process process;

	private final Path log;

	private PanelProcess(Process process, Path log) {
		this.process = process;
		this.log = log;
	}

	/** Starts the panel and returns once it has started, its output going to a file next to the data folder. */
	public static PanelProcess start(List<String> fail2banCommand, Path dataDirectory, String... settings) {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), UnbanPanelApplication.class.getName()));
		command.addAll(PanelApplication.arguments(fail2banCommand, dataDirectory, settings));
		Path log = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".log");
		try {
			Files.createDirectories(dataDirectory);
			PanelProcess panel = new PanelProcess(
					new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start(), log);
			panel.awaitStarted();
			return panel;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Kills the JVM with SIGKILL and waits until it is gone.
	 * @return its exit status: 137 (128 + 9) for a process that SIGKILL ended
	 */
	public int kill() throws InterruptedException {
		process.destroyForcibly();
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			throw new IllegalStateException("The panel in its own JVM (pid " + process.pid() + ") outlived SIGKILL");
		}
		return process.exitValue();
	}

	@Override
	public void close() throws InterruptedException {
		if (process.isAlive()) {
			kill();
		}
	}

	private void awaitStarted() {
		try {
			Await.until("the panel in its own JVM to start (its output: " + log + ")", START_TIMEOUT,
					() -> !process.isAlive() || output().contains("Started " + UnbanPanelApplication.class.getSimpleName()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		if (!process.isAlive()) {
			throw new IllegalStateException("The panel in its own JVM ended at once; its output: " + output());
		}
	}

	private String output() {
		try {
			return Files.exists(log) ? Files.readString(log) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
