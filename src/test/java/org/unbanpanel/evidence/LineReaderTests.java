package org.unbanpanel.evidence;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.evidence.Fail2banSamples.Sample;
import org.unbanpanel.evidence.Reading.Kind;

import static org.assertj.core.api.Assertions.assertThat;

class LineReaderTests {

	/** fail2ban runs its filter tests on 2005-08-14, so a year-less sample stamp after that day is from 2004. */
	static final LogTime SAMPLE_TIMES = new LogTime(ZoneOffset.UTC, Instant.parse("2005-08-14T10:00:00Z"));

	private static final Pattern ADDRESS_LIKE = Pattern.compile("[0-9A-Fa-f:.]*[0-9][0-9A-Fa-f:.]*");

	@Test
	void readsEveryAddressFail2banFindsInTheSampleLinesOfItsSshDovecotAndPostfixFilters() {
		List<String> missed = new ArrayList<>();
		int checked = 0;
		for (Sample sample : Fail2banSamples.of("sshd", "dovecot", "postfix")) {
			Optional<BanTarget> host = expectedAddress(sample);
			checked += host.isPresent() ? 1 : 0;
			Optional<Reading> reading = reading(sample.line());
			boolean unclearOnPurpose = sample.expectation() != null && sample.expectation().crafted()
					&& reading.map(read -> read.kind() == Kind.UNCLEAR).orElse(false);
			if (host.isPresent() && !unclearOnPurpose && !reading.map(read -> read.names(host.get())).orElse(false)) {
				missed.add(sample + " -> " + reading(sample.line()));
			}
		}
		assertThat(missed).isEmpty();
	}

	@Test
	void namesTheAccountFail2banFindsInTheSampleLines() {
		List<String> wrong = new ArrayList<>();
		int checked = 0;
		for (Sample sample : Fail2banSamples.of("sshd", "dovecot", "postfix")) {
			Optional<BanTarget> host = expectedAddress(sample);
			Optional<Reading> reading = reading(sample.line()).filter(read -> read.kind() != Kind.UNCLEAR);
			if (host.isPresent() && sample.expectation().user() != null && reading.isPresent()) {
				checked++;
				String expected = sample.expectation().user().isEmpty() ? null : sample.expectation().user();
				if (!java.util.Objects.equals(expected, reading.get().account())) {
					wrong.add(sample + " -> " + reading.get().account());
				}
			}
		}
		assertThat(wrong).isEmpty();
		assertThat(checked).as("sample lines with a user name").isGreaterThan(5);
	}

	/**
	 * The crafted lines among the samples put a second address where a user name, an auth-info or a URL goes
	 * ({@code "Connection closed by authenticating user test 127.0.0.1 192.0.2.11"}, Apache's
	 * {@code "File does not exist: /srv/http/site/[client 192.168.0.1] user root not found"}): no line may be read as
	 * about any address but the one its service wrote as the client.
	 */
	@Test
	void neverNamesAnAddressTheLineHoldsAnywhereButAsItsClient() {
		List<String> fooled = new ArrayList<>();
		int others = 0;
		for (Sample sample : Fail2banSamples.of("sshd", "dovecot", "postfix", "apache-auth")) {
			Optional<BanTarget> client = sample.file().equals("apache-auth") ? apacheClient(sample.line())
					: expectedAddress(sample);
			Optional<Reading> reading = reading(sample.line());
			if (client.isEmpty() || reading.isEmpty()) {
				continue;
			}
			for (BanTarget other : addressesIn(sample.line())) {
				if (other.equals(client.get()) || client.get().covers(other)) {
					continue;
				}
				others++;
				if (reading.get().names(other)) {
					fooled.add(sample + " -> names " + other);
				}
			}
		}
		assertThat(fooled).isEmpty();
		assertThat(others).as("other addresses in the sample lines").isGreaterThan(20);
	}

	@Test
	void readsApacheAuthFailuresAsAboutTheirFirstClient() {
		List<String> missed = new ArrayList<>();
		for (Sample sample : Fail2banSamples.of("apache-auth")) {
			Optional<BanTarget> client = apacheClient(sample.line());
			if (client.isPresent() && !reading(sample.line()).map(read -> read.names(client.get())).orElse(false)) {
				missed.add(sample + " -> " + reading(sample.line()));
			}
		}
		assertThat(missed).isEmpty();
		assertThat(reading("[Sat Jun 01 02:17:42 2013] [error] [client 192.168.33.1] File does not exist: "
				+ "/srv/http/site/[client 192.168.0.1] user root not found"))
			.hasValueSatisfying(read -> {
				assertThat(read.kind()).isEqualTo(Kind.EVENT);
				assertThat(read.names(BanTarget.parse("192.168.33.1"))).isTrue();
				assertThat(read.account()).isNull();
			});
	}

	@Test
	void readsTheOfficeStoryAsDebiansDovecotAndPostfixLogIt() {
		assertThat(reading("2026-11-25T11:00:01.123456+01:00 mail dovecot: imap-login: Disconnected (auth failed, "
				+ "1 attempts in 2 secs): user=<alice@example.org>, method=PLAIN, rip=203.0.113.7, lip=192.0.2.10, TLS, "
				+ "session=<q454Xu/vMwBZApgg>"))
			.contains(new Reading(Kind.FAILURE, "imap", "203.0.113.7", "alice@example.org"));
		assertThat(reading("Nov 25 11:00:01 mail dovecot: auth: passwd-file(alice@example.org,203.0.113.7): "
				+ "Password mismatch"))
			.contains(new Reading(Kind.FAILURE, "dovecot", "203.0.113.7", "alice@example.org"));
		assertThat(reading("Nov 25 11:00:02 mail postfix/submission/smtpd[4711]: warning: unknown[203.0.113.7]: "
				+ "SASL LOGIN authentication failed: UGFzc3dvcmQ6"))
			.contains(new Reading(Kind.FAILURE, "submission", "203.0.113.7", null));
		assertThat(reading("Nov 25 11:00:02 mail postfix/smtpd[4711]: warning: unknown[203.0.113.7]: SASL PLAIN "
				+ "authentication failed: authentication failure, sasl_username=alice@example.org"))
			.contains(new Reading(Kind.FAILURE, "smtp", "203.0.113.7", "alice@example.org"));
		assertThat(reading("Nov 25 11:00:03 mail sshd[812]: Failed password for invalid user maria from "
				+ "203.0.113.200 port 50122 ssh2"))
			.contains(new Reading(Kind.FAILURE, "ssh", "203.0.113.200", "maria"));
		assertThat(reading("2026-11-25T11:52:03+0000 unban-panel: authentication failure for user=ana%20maria "
				+ "from=192.0.2.1"))
			.contains(new Reading(Kind.FAILURE, "panel", "192.0.2.1", "ana maria"));
	}

	@Test
	void readsNoClientWhereAUserNameImitatesTheServicesOwnWords() {
		assertThat(reading("Nov 25 11:00:01 mail dovecot: imap-login: Disconnected (auth failed, 1 attempts): "
				+ "user=<x>, rip=198.51.100.1, y>, method=PLAIN, rip=203.0.113.7, lip=192.0.2.10"))
			.hasValueSatisfying(read -> assertThat(read.kind()).isEqualTo(Kind.UNCLEAR));
		assertThat(reading("Nov 25 11:00:03 mail sshd[812]: Failed password for invalid user x from 198.51.100.1 "
				+ "port 22 ssh2 from 203.0.113.7 port 50122 ssh2"))
			.contains(new Reading(Kind.FAILURE, "ssh", "203.0.113.7", "x from 198.51.100.1 port 22 ssh2"));
		assertThat(reading("Nov 25 11:00:04 mail dovecot: auth: passwd-file(x,198.51.100.1): Password mismatch,"
				+ "203.0.113.7): Password mismatch"))
			.hasValueSatisfying(read -> assertThat(read.kind()).isEqualTo(Kind.UNCLEAR));
	}

	@Test
	void leavesTheAccountUnnamedWhenOnlyItCanBeReadTwoWays() {
		assertThat(reading("[Wed Jul 17 22:18:52 2013] [error] [client 203.0.113.7] user alice: authentication "
				+ "failure for \"/x\": Password Mismatch: authentication failure for \"/\": Password Mismatch"))
			.contains(new Reading(Kind.FAILURE, "http", "203.0.113.7", null));
	}

	@Test
	void leavesLinesOfOtherProgramsUnread() {
		assertThat(reading("Nov 25 11:00:03 mail cron[812]: (root) CMD (from 203.0.113.7)")).isEmpty();
	}

	private static Optional<BanTarget> expectedAddress(Sample sample) {
		if (sample.expectation() == null || !sample.expectation().match() || sample.expectation().host() == null
				|| !sample.line().contains(sample.expectation().host())) {
			return Optional.empty();
		}
		return BanTarget.tryParse(sample.expectation().host());
	}

	private static Optional<BanTarget> apacheClient(String line) {
		Matcher client = Pattern.compile("\\[client \\[?([0-9A-Fa-f:.]+?)\\]?(?::\\d+)?\\]").matcher(line);
		return client.find() ? BanTarget.tryParse(client.group(1)) : Optional.empty();
	}

	private static List<BanTarget> addressesIn(String line) {
		List<BanTarget> addresses = new ArrayList<>();
		Matcher token = ADDRESS_LIKE.matcher(line);
		while (token.find()) {
			String text = token.group().replaceAll("^[:.]+|[:.]+$", "");
			BanTarget.tryParse(text).or(() -> HostText.address(text)).ifPresent(addresses::add);
		}
		return addresses;
	}

	static Optional<Reading> reading(String line) {
		return LogLine.of(line, SAMPLE_TIMES).map(LogLine::body).or(() -> Optional.of(line)).flatMap(LineReader::read);
	}

}
