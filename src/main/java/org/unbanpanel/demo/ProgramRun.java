package org.unbanpanel.demo;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One finished program, in the C locale with stdin closed, run before or beside the panel rather than by it: by the
 * demo's {@link PrivateFail2ban}, which is set up before the panel's own {@code CommandRunner} exists, and by the
 * tests' harnesses, which must not go through the code they test.
 */
public record ProgramRun(int exitCode, String stdout, String stderr) {

	public static ProgramRun of(List<String> line, Duration timeout) {
		return of(line, timeout, null);
	}

	/** @param output a file for stdout and stderr, for a program that leaves a daemon holding them open */
	public static ProgramRun of(List<String> line, Duration timeout, Path output) {
		try {
			Path stdout = output != null ? output : Files.createTempFile("harness", ".out");
			Path stderr = output != null ? output : Files.createTempFile("harness", ".err");
			ProcessBuilder builder = new ProcessBuilder(line)
				.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
			builder.environment().put("LC_ALL", "C");
			builder.redirectOutput(ProcessBuilder.Redirect.appendTo(stdout.toFile()));
			builder.redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile()));
			Process process = builder.start();
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly().waitFor();
			}
			ProgramRun run = new ProgramRun(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
			if (output == null) {
				Files.delete(stdout);
				Files.delete(stderr);
			}
			return run;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** @throws IllegalStateException naming {@code what} with the exit code and the output, unless it exited 0 */
	public ProgramRun requireSuccess(String what) {
		if (exitCode != 0) {
			throw new IllegalStateException(what + " failed with exit code " + exitCode + ": " + stdout + stderr);
		}
		return this;
	}

}
