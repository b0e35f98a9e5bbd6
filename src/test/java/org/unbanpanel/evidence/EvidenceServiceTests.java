package org.unbanpanel.evidence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import org.unbanpanel.audit.AuditAction;
import org.unbanpanel.audit.AuditEntry;
import org.unbanpanel.audit.AuditTrail;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.evidence.Evidence.AccountCount;
import org.unbanpanel.evidence.Evidence.Kind;
import org.unbanpanel.evidence.Evidence.ServiceCount;
import org.unbanpanel.evidence.SourceProblem.Reason;
import org.unbanpanel.exec.CommandRunner;
import org.unbanpanel.fail2ban.Fail2ban;
import org.unbanpanel.fail2ban.Fail2banException;
import org.unbanpanel.fail2ban.JailSettings;
import org.unbanpanel.fail2ban.LogSources;
import org.unbanpanel.testsupport.MutableClock;
import org.unbanpanel.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The office story on real files: a phone's mail client retrying alice's old password bans the office in dovecot.
 * fail2ban itself is a mock here; the integration tests run the same against a real fail2ban-server.
 */
class EvidenceServiceTests {

	static final BanTarget OFFICE = BanTarget.parse("203.0.113.7");

	static final Instant BAN = Instant.parse("2026-11-25T11:00:00Z");

	static final DateTimeFormatter RSYSLOG = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx");

	@TempDir
	Path folder;

	private final JailSettings settings = mock(JailSettings.class);

	private final Fail2ban fail2ban = mock(Fail2ban.class);

	private final MutableClock clock = new MutableClock(BAN.plus(Duration.ofHours(1)));

	private static final TestDatabase DATABASE = new TestDatabase();

	private AuditTrail audit;

	private EvidenceService service;

	private Path mailLog;

	@BeforeEach
	void setUp() {
		audit = new AuditTrail(DATABASE.jdbc(), clock);
		EvidenceProperties properties = new EvidenceProperties(DataSize.ofMegabytes(64), 5000, 10, 500,
				List.of("journalctl"), null, Duration.ofDays(30));
		CommandRunner noJournal = (command, extraTime) -> {
			throw new AssertionError("no journal is read here: " + command);
		};
		service = new EvidenceService(settings, fail2ban, audit, noJournal, properties, clock);
		mailLog = folder.resolve("mail.log");
		given(settings.logSources("dovecot")).willReturn(new LogSources(List.of(mailLog.toString()), List.of()));
		given(settings.findTime("dovecot")).willReturn(Duration.ofMinutes(10));
	}

	@Test
	void countsTheFailuresOfTheWindowWithTheirServicesAndAccounts() throws IOException {
		List<String> lines = new ArrayList<>();
		lines.add(dovecot(BAN.minusSeconds(700), "alice@example.org", OFFICE.value()));
		for (int i = 0; i < 14; i++) {
			lines.add(dovecot(BAN.minusSeconds(590 - i * 40), "alice@example.org", OFFICE.value()));
		}
		lines.add(dovecot(BAN.minusSeconds(30), "bob", OFFICE.value()));
		lines.add(dovecot(BAN.minusSeconds(20), "carol", "203.0.113.70"));
		lines.add(stamp(BAN.minusSeconds(10)) + " mail dovecot: imap-login: Disconnected (auth failed, 1 attempts): "
				+ "user=<x>, rip=" + OFFICE.value() + ", y>, method=PLAIN, rip=198.51.100.1, lip=192.0.2.10");
		lines.add(stamp(BAN.minusSeconds(5)) + " mail postfix/submission/smtpd[4711]: warning: unknown["
				+ OFFICE.value() + "]: SASL LOGIN authentication failed: UGFzc3dvcmQ6");
		lines.add(dovecot(BAN.plusSeconds(60), "alice@example.org", OFFICE.value()));
		Files.write(mailLog, lines);

		Evidence evidence = service.forBan("dovecot", OFFICE, local(BAN));

		assertThat(evidence.failures()).isEqualTo(16);
		assertThat(evidence.windowStart()).isEqualTo(BAN.minusSeconds(600));
		assertThat(evidence.firstFailure()).isEqualTo(BAN.minusSeconds(590));
		assertThat(evidence.lastFailure()).isEqualTo(BAN.minusSeconds(5));
		assertThat(evidence.services()).containsExactly(new ServiceCount("imap", 15), new ServiceCount("submission", 1));
		assertThat(evidence.accounts()).containsExactly(new AccountCount("alice@example.org", 14, List.of("imap")),
				new AccountCount("bob", 1, List.of("imap")));
		assertThat(evidence.unclearLines()).isEqualTo(1);
		assertThat(evidence.lines()).hasSize(10).allMatch(line -> line.kind() == Kind.FAILURE);
		assertThat(evidence.linesNotShown()).isEqualTo(6);
		assertThat(evidence.lines().get(9).text()).contains("SASL LOGIN authentication failed");
		assertThat(evidence.sources()).containsExactly(mailLog.toString());
		assertThat(evidence.problems()).isEmpty();
	}

	@Test
	void showsLinesEscapedAndCut() throws IOException {
		Files.write(mailLog, List.of(stamp(BAN.minusSeconds(5)) + " mail sshd[1]: Invalid user a\u001b[31mb from "
				+ OFFICE.value() + " port 22", stamp(BAN.minusSeconds(4)) + " mail sshd[1]: Invalid user "
						+ "x".repeat(600) + " from " + OFFICE.value() + " port 22"));

		Evidence evidence = service.forBan("dovecot", OFFICE, local(BAN));

		assertThat(evidence.lines().get(0).text()).contains("a\\u001b[31mb").doesNotContain("\u001b");
		assertThat(evidence.lines().get(1).text()).hasSize(501).endsWith("…");
	}

	@Test
	void countsLinesOfOtherProgramsThatHoldTheAddressAsAWord() throws IOException {
		Files.write(mailLog, List.of(stamp(BAN.minusSeconds(5)) + " mail nginx: auth failed for 203.0.113.7",
				stamp(BAN.minusSeconds(4)) + " mail nginx: auth failed for 203.0.113.70"));

		Evidence evidence = service.forBan("dovecot", OFFICE, local(BAN));

		assertThat(evidence.failures()).isZero();
		assertThat(evidence.lines()).extracting(Evidence.Line::kind).containsExactly(Kind.OTHER);
	}

	@Test
	void saysWhichLogIsGoneAndStillAnswers() {
		Evidence evidence = service.forBan("dovecot", OFFICE, local(BAN));

		assertThat(evidence.failures()).isZero();
		assertThat(evidence.problems()).containsExactly(new SourceProblem(mailLog.toString(), Reason.GONE, ""));
	}

	@Test
	void saysWhenFail2banCannotBeAskedForTheJailsSources() {
		given(settings.logSources("dovecot"))
			.willThrow(new Fail2banException(Fail2banException.Reason.UNREACHABLE,
				Explanation.of("fail2ban.noSocket", "/run/fail2ban/fail2ban.sock")));

		Evidence evidence = service.forBan("dovecot", OFFICE, local(BAN));

		assertThat(evidence.fail2banProblem())
			.isEqualTo(Explanation.of("fail2ban.noSocket", "/run/fail2ban/fail2ban.sock"));
		assertThat(evidence.banStart()).isEqualTo(BAN);
	}

	@Test
	void countsTheBansOfTheLastThirtyDaysPerJailWithTheAccountsBehindThem() throws IOException {
		Path fail2banLog = folder.resolve("fail2ban.log");
		given(settings.logTarget()).willReturn(fail2banLog.toString());
		given(settings.logSources("sasl")).willReturn(new LogSources(List.of(mailLog.toString()), List.of()));
		given(settings.findTime("sasl")).willReturn(Duration.ofMinutes(10));
		Instant first = BAN.minus(Duration.ofDays(6));
		Files.write(fail2banLog, List.of(ban(BAN.minus(Duration.ofDays(40)), "dovecot", OFFICE.value()),
				ban(first, "dovecot", OFFICE.value()), ban(first.plusSeconds(60), "sasl", OFFICE.value()),
				ban(BAN.minus(Duration.ofDays(2)), "dovecot", OFFICE.value()),
				ban(BAN.minus(Duration.ofDays(2)), "sshd", "203.0.113.70"),
				restore(BAN.minus(Duration.ofDays(1)), "dovecot", OFFICE.value()), ban(BAN, "dovecot", OFFICE.value())));
		Files.write(mailLog, List.of(dovecot(first.minusSeconds(30), "alice@example.org", OFFICE.value()),
				dovecot(BAN.minusSeconds(30), "alice@example.org", OFFICE.value())));
		audit.record(new AuditEntry("admin", "192.0.2.1", AuditAction.UNBANNED, 7L, "203.0.113.70", "sshd"));
		clock.set(BAN.minus(Duration.ofDays(1)));
		audit.record(new AuditEntry("admin", "192.0.2.1", AuditAction.UNBANNED, 3L, OFFICE.value(), "dovecot"));
		clock.set(BAN.plus(Duration.ofHours(1)));

		History history = service.history(OFFICE);

		assertThat(history.bans()).extracting(History.PastBan::jail).containsExactly("dovecot", "sasl", "dovecot",
				"dovecot");
		assertThat(history.days()).isEqualTo(7);
		assertThat(history.topJail()).isEqualTo(new History.JailBans("dovecot", 3,
				List.of(new AccountCount("alice@example.org", 2, List.of("imap")))));
		assertThat(history.lastRelease()).isEqualTo(new History.Release(BAN.minus(Duration.ofDays(1)), "admin", 3L));
		assertThat(history.problems()).isEmpty();
	}

	@Test
	void saysWhereFail2banLogsWhenItIsNoFileThePanelReads() {
		given(settings.logTarget()).willReturn("SYSLOG");

		History history = service.history(OFFICE);

		assertThat(history.bans()).isEmpty();
		assertThat(history.problems()).extracting(SourceProblem::source).containsExactly("SYSLOG");
	}

	private static String dovecot(Instant time, String user, String address) {
		return stamp(time) + " mail dovecot: imap-login: Disconnected (auth failed, 1 attempts in 2 secs): user=<" + user
				+ ">, method=PLAIN, rip=" + address + ", lip=192.0.2.10, TLS, session=<q454Xu/vMwBZApgg>";
	}

	/** Debian 12's rsyslog stamp: high precision, with the offset. */
	private static String stamp(Instant time) {
		return RSYSLOG.format(time.atOffset(ZoneOffset.ofHours(1)));
	}

	private static String ban(Instant time, String jail, String address) {
		return fail2ban(time) + " fail2ban.actions        [812]: NOTICE  [" + jail + "] Ban " + address;
	}

	private static String restore(Instant time, String jail, String address) {
		return fail2ban(time) + " fail2ban.actions        [812]: NOTICE  [" + jail + "] Restore Ban " + address;
	}

	private static String fail2ban(Instant time) {
		return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS").format(local(time));
	}

	private static LocalDateTime local(Instant time) {
		return LocalDateTime.ofInstant(time, ZoneId.systemDefault());
	}

}
