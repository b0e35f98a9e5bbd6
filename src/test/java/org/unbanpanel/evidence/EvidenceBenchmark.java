package org.unbanpanel.evidence;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.fail2ban.JailRules;
import org.unbanpanel.fail2ban.JailSettings;
import org.unbanpanel.fail2ban.LogSources;
import org.unbanpanel.demo.ProgramRun;
import org.unbanpanel.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12's figure, printed, not asserted: the evidence of one ban in a 1 GB log of mixed mail and ssh lines, next to
 * {@code grep -F <address>} over the same file in the same run (target: at most 0.2 of grep's time, and under 1 s).
 * The log is generated once under {@code target/} (two weeks of Debian 12 mail.log/auth.log lines with rsyslog's
 * stamps, about 9 million lines); the ban's six failures lie at a random place in its last 12 hours, and the same
 * address failed on other days too, so that grep has more to find than the window holds. What is timed is everything
 * the panel does for the evidence but the two fail2ban-client runs that name the jail's log and findtime (a fixed
 * cost, whatever the log's size): {@link EvidenceService#forBan} over a {@link JailSettings} that answers at once.
 * Run with {@code ./mvnw -Pbenchmark test -Dtest=EvidenceBenchmark}.
 */
@Tag("benchmark")
class EvidenceBenchmark {

	static final long SIZE = 1L << 30;

	static final int ROUNDS = 7;

	static final Path LOG = Path.of("target", "evidence-benchmark", "mail.log").toAbsolutePath();

	static final String OFFICE = "203.0.113.7";

	static final ZoneOffset OFFSET = ZoneOffset.ofHours(1);

	static final DateTimeFormatter RSYSLOG = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx");

	static final Instant END = Instant.parse("2026-11-25T12:00:00Z");

	private static Instant banStart;

	@BeforeAll
	static void generateTheLog() throws IOException {
		Random random = new Random(12);
		banStart = END.minusSeconds(60 + random.nextInt(12 * 3600 - 60));
		Path marker = LOG.resolveSibling("ban-" + banStart.getEpochSecond());
		if (Files.exists(marker) && Files.size(LOG) >= SIZE) {
			return;
		}
		Files.createDirectories(LOG.getParent());
		long started = System.nanoTime();
		long lines = write(random);
		Files.writeString(marker, "");
		System.out.printf("%nEVIDENCE BENCHMARK generated %s: %d lines, %d MB, in %d s%n", LOG, lines,
				Files.size(LOG) >> 20, (System.nanoTime() - started) / 1_000_000_000);
	}

	/** Two weeks of lines at an even pace up to {@link #SIZE}; the office fails six times before {@link #banStart}. */
	private static long write(Random random) throws IOException {
		long lineEstimate = SIZE / 150;
		long from = END.minus(Duration.ofDays(14)).getEpochSecond() * 1_000_000;
		long step = (END.getEpochSecond() * 1_000_000 - from) / lineEstimate;
		long micros = from;
		long count = 0;
		long ban = banStart.getEpochSecond() * 1_000_000;
		int officeFailures = 0;
		try (BufferedWriter out = Files.newBufferedWriter(LOG, StandardCharsets.UTF_8)) {
			long written = 0;
			while (written < SIZE) {
				boolean window = micros > ban - 300_000_000L && micros < ban && officeFailures < 6;
				String client = window || random.nextInt(20_000) == 0 ? OFFICE
						: "198.51." + random.nextInt(256) + "." + random.nextInt(256);
				officeFailures += window ? 1 : 0;
				String line = line(Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000), client,
						random, window);
				out.write(line);
				out.write('\n');
				written += line.length() + 1;
				micros += step;
				count++;
			}
		}
		return count;
	}

	private static String line(Instant time, String client, Random random, boolean window) {
		String stamp = RSYSLOG.format(time.atOffset(OFFSET));
		int pid = 1000 + random.nextInt(60_000);
		return switch (window ? 0 : random.nextInt(5)) {
			case 0 -> stamp + " mail dovecot: imap-login: Disconnected (auth failed, 1 attempts in 2 secs): user=<u"
					+ random.nextInt(500) + "@example.org>, method=PLAIN, rip=" + client
					+ ", lip=192.0.2.10, TLS, session=<q454Xu/vMwBZApgg>";
			case 1 -> stamp + " mail sshd[" + pid + "]: Failed password for invalid user u" + random.nextInt(500)
					+ " from " + client + " port " + (1024 + random.nextInt(60_000)) + " ssh2";
			case 2 -> stamp + " mail postfix/smtpd[" + pid + "]: connect from unknown[" + client + "]";
			case 3 -> stamp + " mail postfix/submission/smtpd[" + pid + "]: warning: unknown[" + client
					+ "]: SASL LOGIN authentication failed: UGFzc3dvcmQ6";
			default -> stamp + " mail dovecot: imap-login: Login: user=<u" + random.nextInt(500)
					+ "@example.org>, method=PLAIN, rip=" + client + ", lip=192.0.2.10, mpid=" + pid + ", TLS";
		};
	}

	@Test
	void evidenceOfOneBanAgainstGrepOverTheWholeLog() {
		EvidenceService service = new EvidenceService(new AtOnce(), null,
				new org.unbanpanel.audit.AuditTrail(new TestDatabase().jdbc(), Clock.systemUTC()), (command, extraTime) -> {
					throw new AssertionError("no journal is read");
				}, new EvidenceProperties(DataSize.ofMegabytes(256), 5000, 50, 500, List.of("journalctl"), null,
						Duration.ofDays(30)), Clock.systemUTC());
		LocalDateTime start = LocalDateTime.ofInstant(banStart, ZoneId.systemDefault());
		List<String> grep = List.of("grep", "-F", "-c", OFFICE, LOG.toString());

		ProgramRun.of(grep, Duration.ofMinutes(5)).requireSuccess("grep");
		Evidence evidence = service.forBan("sasl", BanTarget.parse(OFFICE), start);
		assertThat(evidence.failures()).isEqualTo(6);
		assertThat(evidence.problems()).isEmpty();

		List<Long> grepTimes = new ArrayList<>();
		List<Long> evidenceTimes = new ArrayList<>();
		for (int round = 0; round < ROUNDS; round++) {
			grepTimes.add(nanos(() -> ProgramRun.of(grep, Duration.ofMinutes(5)).requireSuccess("grep")));
			evidenceTimes.add(nanos(() -> service.forBan("sasl", BanTarget.parse(OFFICE), start)));
		}
		long grepMedian = median(grepTimes);
		long evidenceMedian = median(evidenceTimes);
		System.out.printf("%nEVIDENCE BENCHMARK log %d MB, ban at %s, %d rounds%n", size() >> 20, banStart, ROUNDS);
		System.out.printf("  grep -F %s (whole log, baseline)  median %8.1f ms  (%s)%n", OFFICE, grepMedian / 1e6,
				range(grepTimes));
		System.out.printf("  evidence of the ban              median %8.1f ms  (%s)  ratio %.4f (target <= 0.2, < 1 s)%n",
				evidenceMedian / 1e6, range(evidenceTimes), (double) evidenceMedian / grepMedian);
	}

	/** The jail's log and findtime, as fail2ban would name them, without a fail2ban-client run. */
	private static final class AtOnce implements JailSettings {

		@Override
		public LogSources logSources(String jail) {
			return new LogSources(List.of(LOG.toString()), List.of());
		}

		@Override
		public Duration findTime(String jail) {
			return Duration.ofMinutes(10);
		}

		@Override
		public JailRules rules(String jail) {
			throw new UnsupportedOperationException();
		}

		@Override
		public String logTarget() {
			throw new UnsupportedOperationException();
		}

	}

	private static long size() {
		try {
			return Files.size(LOG);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static long nanos(Supplier<?> work) {
		long start = System.nanoTime();
		work.get();
		return System.nanoTime() - start;
	}

	private static long median(List<Long> times) {
		List<Long> sorted = new ArrayList<>(times);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

	private static String range(List<Long> times) {
		return String.format("%.1f–%.1f ms", Collections.min(times) / 1e6, Collections.max(times) / 1e6);
	}

}
