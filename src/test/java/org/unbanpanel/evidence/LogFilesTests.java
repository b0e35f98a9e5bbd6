package org.unbanpanel.evidence;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unbanpanel.evidence.SourceProblem.Reason;

import static org.assertj.core.api.Assertions.assertThat;

class LogFilesTests {

	static final ZoneId ZONE = ZoneId.of("Europe/Madrid");

	static final DateTimeFormatter SYSLOG = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ROOT);

	static final LocalDateTime START = LocalDateTime.parse("2026-11-24T00:00:00");

	static final String OFFICE = "203.0.113.7";

	@TempDir
	Path folder;

	private final LogFiles files = new LogFiles(ZONE, 1L << 30, 10_000);

	@Test
	void findsExactlyTheLinesOfEachWindowThatAReadOfTheWholeFileFinds() throws IOException {
		Path log = folder.resolve("mail.log");
		List<LogLine> lines = day(log, 100_000, new Random(7)).stream()
			.filter(line -> line.contains(OFFICE))
			.map(line -> LogLine.of(line, new LogTime(ZONE, Instant.parse("2026-11-25T00:00:00Z"))).orElseThrow())
			.toList();
		Random random = new Random(11);
		for (int round = 0; round < 20; round++) {
			long from = epoch(START.plusSeconds(random.nextInt(86_400)));
			Window window = new Window(from, from + 60 + random.nextInt(7_200));
			List<String> expected = lines.stream()
				.filter(line -> window.holds(line.epochSecond()))
				.map(LogLine::text)
				.toList();

			SourceLines found = files.read(log, OFFICE, List.of(window));

			assertThat(found.lines()).extracting(LogLine::text).isEqualTo(expected);
			assertThat(found.matching()).isEqualTo(expected.size());
			assertThat(found.problems()).isEmpty();
		}
	}

	@Test
	void readsTheRotatedCompressedCopyThatHoldsTheWindowsStart() throws IOException {
		Path log = folder.resolve("auth.log");
		write(folder.resolve("auth.log.2.gz"), true, START, "Failed password for root from " + OFFICE + " port 1 ssh2",
				START.plusMinutes(58), "Failed password for root from " + OFFICE + " port 2 ssh2");
		write(folder.resolve("auth.log.1"), false, START.plusMinutes(59), "Failed password for root from " + OFFICE
				+ " port 3 ssh2");
		write(log, false, START.plusMinutes(61), "Failed password for root from " + OFFICE + " port 4 ssh2",
				START.plusMinutes(75), "Failed password for root from " + OFFICE + " port 5 ssh2");

		SourceLines found = files.read(log, OFFICE, List.of(window(START.plusMinutes(55), START.plusMinutes(65))));

		assertThat(found.lines()).extracting(LogLine::text)
			.extracting(text -> text.substring(text.indexOf("port")))
			.containsExactly("port 2 ssh2", "port 3 ssh2", "port 4 ssh2");
		assertThat(found.problems()).isEmpty();
	}

	@Test
	void readsOnlyTheCurrentFileWhenItHoldsTheWindow() throws IOException {
		Path log = folder.resolve("auth.log");
		Files.writeString(folder.resolve("auth.log.1"), "not a log at all\n");
		write(log, false, START, "Failed password for root from " + OFFICE + " port 4 ssh2");

		SourceLines found = files.read(log, OFFICE, List.of(window(START, START.plusMinutes(10))));

		assertThat(found.lines()).hasSize(1);
		assertThat(found.problems()).isEmpty();
	}

	@Test
	void saysWhereTheOldestCopyLogrotateKeptStartsWhenTheWindowStartsBefore() throws IOException {
		Path log = folder.resolve("auth.log");
		write(folder.resolve("auth.log.1"), false, START.plusMinutes(5), "Failed password for root from " + OFFICE
				+ " port 4 ssh2");
		write(log, false, START.plusMinutes(6), "Failed password for root from " + OFFICE + " port 5 ssh2");

		SourceLines found = files.read(log, OFFICE, List.of(window(START, START.plusMinutes(10))));

		assertThat(found.lines()).hasSize(2);
		assertThat(found.problems()).isEmpty();
		assertThat(found.startsAt()).isEqualTo(epoch(START.plusMinutes(5)));
		assertThat(files.read(log, OFFICE, List.of(window(START.plusMinutes(6), START.plusMinutes(10)))).startsAt())
			.as("the logs reach back to the window's start").isNull();
	}

	@Test
	void saysWhenTheLogIsGone() {
		SourceLines found = files.read(folder.resolve("gone.log"), OFFICE, List.of(window(START, START.plusMinutes(1))));

		assertThat(found.lines()).isEmpty();
		assertThat(found.problems()).containsExactly(new SourceProblem(folder.resolve("gone.log").toString(),
				Reason.GONE, ""));
	}

	@Test
	void readsNoMoreOfALogThanItsShareAndSaysSo() throws IOException {
		Path log = folder.resolve("mail.log");
		day(log, 10_000, new Random(3));
		LogFiles small = new LogFiles(ZONE, 4096, 10_000);

		SourceLines found = small.read(log, OFFICE, List.of(window(START, START.plusHours(20))));

		assertThat(found.lines()).isEmpty();
		assertThat(found.problems()).containsExactly(new SourceProblem(log.toString(), Reason.TOO_LARGE, "4096"));
	}

	@Test
	void keepsAtMostTheLinesItMayAndCountsTheRest() throws IOException {
		Path log = folder.resolve("auth.log");
		write(log, false, START, "Failed password for root from " + OFFICE + " port 1 ssh2", START.plusSeconds(1),
				"Failed password for root from " + OFFICE + " port 2 ssh2", START.plusSeconds(2),
				"Failed password for root from " + OFFICE + " port 3 ssh2");

		SourceLines found = new LogFiles(ZONE, 1 << 20, 2).read(log, OFFICE, List.of(window(START, START.plusMinutes(1))));

		assertThat(found.lines()).hasSize(2);
		assertThat(found.matching()).isEqualTo(3);
	}

	@Test
	void readsAFileWrittenAcrossNewYearInOrder() throws IOException {
		Path log = folder.resolve("auth.log");
		LocalDateTime evening = LocalDateTime.parse("2026-12-31T23:50:00");
		write(log, false, evening, "Failed password for root from " + OFFICE + " port 1 ssh2", evening.plusMinutes(20),
				"Failed password for root from " + OFFICE + " port 2 ssh2");
		Files.setLastModifiedTime(log, FileTime.from(evening.plusMinutes(21).atZone(ZONE).toInstant()));

		SourceLines found = files.read(log, OFFICE, List.of(window(evening, evening.plusMinutes(30))));

		assertThat(found.lines()).hasSize(2);
	}

	/** A day of mixed mail and ssh lines, one every ~0.86 s, about one in fifty from the office. */
	private static List<String> day(Path log, int count, Random random) throws IOException {
		List<String> lines = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String time = SYSLOG.format(START.plusNanos((long) i * 86_400_000_000_000L / count));
			String client = random.nextInt(50) == 0 ? OFFICE : "198.51.100." + random.nextInt(256);
			lines.add(random.nextBoolean()
					? time + " mail dovecot: imap-login: Disconnected (auth failed, 1 attempts in 2 secs): user=<u"
							+ random.nextInt(90) + "@example.org>, method=PLAIN, rip=" + client + ", lip=192.0.2.10, TLS"
					: time + " mail sshd[" + (1000 + i) + "]: Failed password for invalid user u" + random.nextInt(90)
							+ " from " + client + " port " + (1024 + random.nextInt(60000)) + " ssh2");
		}
		Files.write(log, lines, StandardCharsets.UTF_8);
		Files.setLastModifiedTime(log, FileTime.from(START.plusDays(1).atZone(ZONE).toInstant()));
		return lines;
	}

	/** Writes syslog lines: a time, its message, the next time, its message, … */
	private static void write(Path file, boolean gzip, Object... timesAndMessages) throws IOException {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < timesAndMessages.length; i += 2) {
			text.append(SYSLOG.format((LocalDateTime) timesAndMessages[i])).append(" mail sshd[1]: ")
				.append(timesAndMessages[i + 1]).append('\n');
		}
		try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
			out.write(text.toString().getBytes(StandardCharsets.UTF_8));
		}
		LocalDateTime last = (LocalDateTime) timesAndMessages[timesAndMessages.length - 2];
		Files.setLastModifiedTime(file, FileTime.from(last.atZone(ZONE).toInstant()));
	}

	private static Window window(LocalDateTime from, LocalDateTime to) {
		return new Window(epoch(from), epoch(to));
	}

	private static long epoch(LocalDateTime time) {
		return time.atZone(ZONE).toEpochSecond();
	}

}
