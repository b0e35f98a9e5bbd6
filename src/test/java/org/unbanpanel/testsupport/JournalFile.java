package org.unbanpanel.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Writes real journal files for tests, as systemd writes them: the entries go in journal export format
 * (systemd.journal-fields(7), "Journal Export Format") to {@code systemd-journal-remote}, which stores them in a
 * journal file that journalctl and fail2ban's systemd backend read. Each call writes a new file into the folder;
 * a reader watching the folder sees it come.
 */
public final class JournalFile {

	public static final String JOURNAL_REMOTE = "/lib/systemd/systemd-journal-remote";

	/**
	 * One entry as a service writes it to syslog.
	 * @param unit the systemd unit, {@code sshd.service}
	 * @param identifier the syslog identifier, {@code sshd}
	 */
	public record Entry(Instant time, String unit, String identifier, int pid, String message) {
	}

	private JournalFile() {
	}

	/** Writes the entries to a new journal file in {@code directory}; skips locally, fails under CI, without the tool. */
	public static Path write(Path directory, List<Entry> entries) {
		SystemTools.requireProgram(JOURNAL_REMOTE, "systemd-journal-remote");
		try {
			Files.createDirectories(directory);
			Path file = directory.resolve("remote-" + UUID.randomUUID() + ".journal");
			Process process = new ProcessBuilder(JOURNAL_REMOTE, "--output=" + file, "-").redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			try (OutputStream in = process.getOutputStream()) {
				in.write(export(entries).getBytes(StandardCharsets.UTF_8));
			}
			if (!process.waitFor(Duration.ofSeconds(20).toMillis(), TimeUnit.MILLISECONDS) || process.exitValue() != 0) {
				process.destroyForcibly();
				throw new IllegalStateException(JOURNAL_REMOTE + " could not write " + file);
			}
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The entries in export format: one {@code FIELD=value} per line, a blank line after each entry. */
	private static String export(List<Entry> entries) {
		String boot = UUID.randomUUID().toString().replace("-", "");
		StringBuilder text = new StringBuilder();
		long monotonic = 1;
		for (Entry entry : entries) {
			long micros = ChronoUnit.MICROS.between(Instant.EPOCH, entry.time());
			text.append("__REALTIME_TIMESTAMP=").append(micros).append('\n')
				.append("__MONOTONIC_TIMESTAMP=").append(monotonic++).append('\n')
				.append("_BOOT_ID=").append(boot).append('\n')
				.append("_HOSTNAME=mail\n")
				.append("_SYSTEMD_UNIT=").append(entry.unit()).append('\n')
				.append("_COMM=").append(entry.identifier()).append('\n')
				.append("_PID=").append(entry.pid()).append('\n')
				.append("SYSLOG_IDENTIFIER=").append(entry.identifier()).append('\n')
				.append("PRIORITY=6\n")
				.append("MESSAGE=").append(entry.message()).append("\n\n");
		}
		return text.toString();
	}

}
