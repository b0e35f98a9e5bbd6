package org.unbanpanel.evidence;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.unbanpanel.evidence.Fail2banSamples.Sample;

import static org.assertj.core.api.Assertions.assertThat;

class LogTimeTests {

	static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

	private static final Pattern WITH_OFFSET = Pattern.compile("(?:<\\d+>\\d )?\\d{4}-\\d\\d-\\d\\dT\\S*(?:Z|[+-]\\d\\d:?\\d\\d) ");

	private final LogTime times = new LogTime(MADRID, Instant.parse("2026-11-25T12:00:00Z"));

	@Test
	void readsIsoStampsWithAndWithoutOffset() {
		assertThat(epoch("2026-11-25T11:00:00.123456+01:00 mail sshd[1]: x")).isEqualTo(at("2026-11-25T10:00:00Z"));
		assertThat(epoch("2026-11-25T11:52:03+0000 unban-panel: x")).isEqualTo(at("2026-11-25T11:52:03Z"));
		assertThat(epoch("2026-11-25T10:00:00Z sshd[1]: x")).isEqualTo(at("2026-11-25T10:00:00Z"));
		assertThat(epoch("2026-11-25T11:00:00 host x")).isEqualTo(at("2026-11-25T10:00:00Z"));
	}

	@Test
	void readsFail2bansOwnStampInLocalTime() {
		assertThat(epoch("2026-11-25 11:00:00,123 fail2ban.actions [1]: NOTICE  [sshd] Ban 192.0.2.1"))
			.isEqualTo(at("2026-11-25T10:00:00Z"));
	}

	@Test
	void givesTraditionalSyslogStampsTheYearOfTheFile() {
		assertThat(epoch("Nov 25 11:00:00 mail sshd[1]: x")).isEqualTo(at("2026-11-25T10:00:00Z"));
		assertThat(epoch("Jun  6 04:17:04 host sshd[1]: x")).isEqualTo(at("2026-06-06T02:17:04Z"));
		assertThat(epoch("Dec 24 09:00:00 host sshd[1]: x")).as("a day after the file was written: last year")
			.isEqualTo(at("2025-12-24T08:00:00Z"));
		LogTime newYear = new LogTime(MADRID, Instant.parse("2027-01-01T00:30:00Z"));
		assertThat(read(newYear, "Dec 31 23:59:59 host sshd[1]: x")).isEqualTo(at("2026-12-31T22:59:59Z"));
		assertThat(read(newYear, "Jan  1 01:10:00 host sshd[1]: x")).isEqualTo(at("2027-01-01T00:10:00Z"));
	}

	@Test
	void readsApacheErrorLogStamps() {
		assertThat(epoch("[Wed Nov 25 11:00:00.402667 2026] [auth_basic:error] [pid 1] [client 192.0.2.1:5] x"))
			.isEqualTo(at("2026-11-25T10:00:00Z"));
		assertThat(epoch("[Wed Nov 25 11:00:00 2026] [error] [client 192.0.2.1] x")).isEqualTo(at("2026-11-25T10:00:00Z"));
	}

	@Test
	void readsTheStampOfRfc5424Messages() {
		LogTime.Stamp stamp = stamp(times, "<38>1 2019-07-08T17:40:16.954167-04:00 host sshd 57915 - - Failed x");
		assertThat(stamp.epochSecond()).isEqualTo(at("2019-07-08T21:40:16Z"));
		assertThat(stamp.rfc5424()).isTrue();
		assertThat(LogLine.of("<38>1 2019-07-08T17:40:16.954167-04:00 host sshd 57915 - - Failed x", times))
			.hasValueSatisfying(line -> assertThat(line.body()).isEqualTo("host sshd[57915]: Failed x"));
	}

	@Test
	void findsNoStampWhereALineHasNone() {
		assertThat(stamp(times, "Failed password for root")).isNull();
		assertThat(stamp(times, "Nov 32 11:00:00 x")).isNull();
		assertThat(stamp(times, "2026-13-25 11:00:00 x")).isNull();
		assertThat(stamp(times, "")).isNull();
		assertThat(stamp(times, "@400000004c91b044077a9e94 imap-login: x")).isNull();
	}

	@Test
	void readsTheTimeFail2banReadsInEverySampleLine() {
		LogTime sampleYear = new LogTime(ZoneOffset.UTC, Instant.parse("2005-08-14T10:00:00Z"));
		List<String> wrong = new ArrayList<>();
		int checked = 0;
		for (Sample sample : Fail2banSamples.of("sshd", "dovecot", "postfix")) {
			String expected = sample.expectation() == null ? null : sample.expectation().time();
			// fail2ban's failJSON times are local times of its test machine; a stamp with an offset is its own test
			if (expected == null || sample.line().startsWith("@") || WITH_OFFSET.matcher(sample.line()).lookingAt()) {
				continue;
			}
			checked++;
			LogTime.Stamp stamp = stamp(sampleYear, sample.line());
			LocalDateTime time = LocalDateTime.parse(expected, DateTimeFormatter.ofPattern("yyyy-M-d'T'HH:mm:ss"));
			if (stamp == null || stamp.epochSecond() != time.toEpochSecond(ZoneOffset.UTC)) {
				wrong.add(sample + " -> " + stamp);
			}
		}
		assertThat(wrong).isEmpty();
		assertThat(checked).isGreaterThan(200);
	}

	private long epoch(String line) {
		return read(times, line);
	}

	private static long read(LogTime times, String line) {
		return stamp(times, line).epochSecond();
	}

	private static LogTime.Stamp stamp(LogTime times, String line) {
		byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
		return times.read(bytes, 0, bytes.length);
	}

	private static long at(String instant) {
		return Instant.parse(instant).getEpochSecond();
	}

}
