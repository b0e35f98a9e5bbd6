package org.unbanpanel.evidence;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.unbanpanel.audit.AuditTrail;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.evidence.Evidence.AccountCount;
import org.unbanpanel.evidence.Evidence.ServiceCount;
import org.unbanpanel.exec.CommandRunner;
import org.unbanpanel.exec.CommandRunners;
import org.unbanpanel.fail2ban.Ban;
import org.unbanpanel.fail2ban.Fail2ban;
import org.unbanpanel.fail2ban.Fail2banAdapters;
import org.unbanpanel.testsupport.Await;
import org.unbanpanel.testsupport.Fail2banServer;
import org.unbanpanel.testsupport.JournalFile;
import org.unbanpanel.testsupport.RealTools;
import org.unbanpanel.testsupport.TestDatabase;
import org.unbanpanel.testsupport.WithRealTools;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evidence of bans fail2ban itself made: real failed-login lines, as Debian's OpenSSH, Dovecot and Postfix packages
 * log them, go to the log files (or a journal file) of a private fail2ban-server running Debian's own sshd, dovecot
 * and postfix filters ({@code DEBIAN_FILTERS}); once fail2ban has banned the address, the panel reads the evidence from the jail's sources.
 * The failures the panel counts are the ones fail2ban counted ({@code Total failed}).
 */
@WithRealTools(fail2ban = WithRealTools.Fail2banSetUp.DEBIAN_FILTERS)
class EvidenceIntegrationTests {

	/** rsyslog's traditional file format, as Debian wrote mail.log and auth.log up to Debian 11. */
	static final DateTimeFormatter SYSLOG = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ROOT);

	/** Debian 12's rsyslog: high-precision RFC 3339 stamps. */
	static final DateTimeFormatter RSYSLOG = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx");

	private static Path journal;

	private static Fail2banServer server;

	private static Fail2ban fail2ban;

	private static EvidenceService evidence;

	@BeforeAll
	static void connect(RealTools tools) {
		journal = tools.journal();
		server = tools.fail2ban();
		CommandRunner runner = CommandRunners.real(Duration.ofSeconds(30));
		fail2ban = Fail2banAdapters.over(runner, server.command());
		EvidenceProperties properties = new EvidenceProperties(DataSize.ofMegabytes(64), 5000, 50, 500,
				List.of("/usr/bin/journalctl"), journal, Duration.ofDays(30));
		evidence = new EvidenceService(Fail2banAdapters.settingsOver(runner, server.command()), fail2ban,
				new AuditTrail(new TestDatabase().jdbc(), Clock.systemUTC()), runner, properties, Clock.systemUTC());
	}

	@Test
	void explainsAnSshBanWithFail2bansCountItsWindowTheServiceAndTheAccounts() throws Exception {
		String address = "203.0.113.200";
		List<String> lines = new ArrayList<>();
		for (int port = 50120; port < 50123; port++) {
			lines.add(syslog(" mail sshd[" + port + "]: Invalid user maria from " + address + " port " + port));
			lines.add(syslog(" mail sshd[" + port + "]: Failed password for invalid user maria from " + address + " port "
					+ port + " ssh2"));
		}
		lines.add(syslog(" mail sshd[50130]: Accepted password for bob from 198.51.100.3 port 50130 ssh2"));
		append(server.logFile("sshd"), lines);
		Ban ban = awaitBan("sshd", address);

		Evidence found = evidence.forLatestBan("sshd", BanTarget.parse(address)).orElseThrow();

		assertThat(found.failures()).isEqualTo(6).isEqualTo(foundByFail2ban("sshd", address));
		assertThat(found.services()).containsExactly(new ServiceCount("ssh", 6));
		assertThat(found.accounts()).containsExactly(new AccountCount("maria", 6, List.of("ssh")));
		assertWindow(found, ban);
		assertThat(found.sources()).containsExactly(server.logFile("sshd").toString());
		assertThat(found.problems()).isEmpty();
		History history = evidence.history(BanTarget.parse(address));
		assertThat(history.bans()).extracting(History.PastBan::jail).containsExactly("sshd");
		assertThat(history.topJail().accounts()).extracting(AccountCount::account).containsExactly("maria");
	}

	@Test
	void explainsADovecotBanWithTheAccountsOfAnOfficesMailClients() throws Exception {
		String address = "203.0.113.7";
		List<String> lines = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			lines.add(rsyslog(" mail dovecot: imap-login: Disconnected (auth failed, 1 attempts in 2 secs): "
					+ "user=<alice@example.org>, method=PLAIN, rip=" + address + ", lip=192.0.2.10, TLS, session=<q45"
					+ i + "Xu/vMwBZApgg>"));
		}
		lines.add(rsyslog(" mail dovecot: imap-login: Disconnected (auth failed, 1 attempts in 2 secs): user=<bob>, "
				+ "method=PLAIN, rip=" + address + ", lip=192.0.2.10, TLS, session=<p454Xu/vMwBZApgg>"));
		append(server.logFile("dovecot"), lines);
		Ban ban = awaitBan("dovecot", address);

		Evidence found = evidence.forLatestBan("dovecot", BanTarget.parse(address)).orElseThrow();

		assertThat(found.failures()).isEqualTo(5).isEqualTo(foundByFail2ban("dovecot", address));
		assertThat(found.services()).containsExactly(new ServiceCount("imap", 5));
		assertThat(found.accounts()).containsExactly(new AccountCount("alice@example.org", 4, List.of("imap")),
				new AccountCount("bob", 1, List.of("imap")));
		assertWindow(found, ban);
	}

	@Test
	void explainsASaslBanOfPostfixWhichNamesNoAccount() throws Exception {
		String address = "198.51.100.25";
		List<String> lines = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			lines.add(syslog(" mail postfix/submission/smtpd[47" + i + "]: warning: unknown[" + address
					+ "]: SASL LOGIN authentication failed: UGFzc3dvcmQ6"));
		}
		append(server.logFile("sasl"), lines);
		Ban ban = awaitBan("sasl", address);

		Evidence found = evidence.forLatestBan("sasl", BanTarget.parse(address)).orElseThrow();

		assertThat(found.failures()).isEqualTo(5).isEqualTo(foundByFail2ban("sasl", address));
		assertThat(found.services()).containsExactly(new ServiceCount("submission", 5));
		assertThat(found.accounts()).isEmpty();
		assertWindow(found, ban);
	}

	@Test
	void explainsABanOfASystemdJailFromTheJournalWithJournalctl() throws Exception {
		String address = "198.51.100.9";
		Instant now = Instant.now();
		List<JournalFile.Entry> entries = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			entries.add(new JournalFile.Entry(now.plusMillis(i), "sshd.service", "sshd", 4711 + i,
					"Failed password for root from " + address + " port " + (50000 + i) + " ssh2"));
		}
		entries.add(new JournalFile.Entry(now, "cron.service", "cron", 99, "root from " + address));
		JournalFile.write(journal, entries);
		Ban ban = awaitBan("ssh-ddos", address);

		Evidence found = evidence.forLatestBan("ssh-ddos", BanTarget.parse(address)).orElseThrow();

		assertThat(found.failures()).isEqualTo(5).isEqualTo(foundByFail2ban("ssh-ddos", address));
		assertThat(found.accounts()).containsExactly(new AccountCount("root", 5, List.of("ssh")));
		assertThat(found.sources()).containsExactly("journal _SYSTEMD_UNIT=sshd.service + _COMM=sshd");
		assertThat(found.lines()).allSatisfy(line -> assertThat(line.text()).contains("mail sshd["));
		assertThat(found.problems()).isEmpty();
		assertWindow(found, ban);
	}

	@Test
	void findsTheWindowsStartInARotatedCompressedCopyOfTheLog() throws Exception {
		String address = "192.0.2.77";
		Path log = server.logFile("dovecot");
		append(log, List.of(dovecotAuth(address, "carol"), dovecotAuth(address, "carol")));
		Await.until("fail2ban to count the first failures", Duration.ofSeconds(30),
				() -> foundByFail2ban("dovecot", address) == 2);
		rotateCompressed(log, List.of(syslog(" mail dovecot: imap-login: Login: user=<dave>, method=PLAIN, "
				+ "rip=192.0.2.8, lip=192.0.2.10, mpid=4711, TLS"), dovecotAuth(address, "carol"),
				dovecotAuth(address, "carol"), dovecotAuth(address, "carol")));
		Ban ban = awaitBan("dovecot", address);

		Evidence found = evidence.forLatestBan("dovecot", BanTarget.parse(address)).orElseThrow();

		assertThat(Files.readString(log).split(address, -1)).as("three failures in the new log, two in the copy")
			.hasSize(4);
		assertThat(found.failures()).isEqualTo(5).isEqualTo(foundByFail2ban("dovecot", address));
		assertThat(found.accounts()).containsExactly(new AccountCount("carol", 5, List.of("dovecot")));
		assertThat(found.problems()).isEmpty();
		assertWindow(found, ban);
	}

	/**
	 * logrotate without delaycompress: the log becomes {@code .1.gz} and a new log starts, here with its first lines
	 * at once. (fail2ban tells a new log by its first line; a log polled while still empty can make it read the next
	 * lines twice.)
	 */
	private static void rotateCompressed(Path log, List<String> firstLines) throws IOException {
		Path compressed = log.resolveSibling(log.getFileName() + ".1.gz");
		try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(compressed))) {
			Files.copy(log, out);
		}
		Files.setLastModifiedTime(compressed, Files.getLastModifiedTime(log));
		Path next = log.resolveSibling(log.getFileName() + ".new");
		Files.writeString(next, String.join("\n", firstLines) + "\n", StandardCharsets.UTF_8);
		Files.move(next, log, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	private static String dovecotAuth(String address, String user) {
		return syslog(" mail dovecot: auth: passwd-file(" + user + "," + address + "): Password mismatch");
	}

	/** The window is fail2ban's: from the ban's start back by findtime (10 min), the failures inside it. */
	private static void assertWindow(Evidence found, Ban ban) {
		Instant start = ban.start().atZone(ZoneId.systemDefault()).toInstant();
		assertThat(found.banStart()).isEqualTo(start);
		assertThat(found.windowStart()).isEqualTo(start.minus(Duration.ofMinutes(10)));
		assertThat(found.firstFailure()).isBetween(found.windowStart(), start.plusSeconds(1));
		assertThat(found.lastFailure()).isBetween(found.firstFailure(), start.plusSeconds(1));
	}

	private static Ban awaitBan(String jail, String address) throws InterruptedException {
		Await.until("fail2ban to ban " + address + " in " + jail, Duration.ofSeconds(30),
				() -> server.bannedIn(jail).contains(address));
		return fail2ban.bans(jail).stream().filter(ban -> ban.address().equals(address)).findFirst().orElseThrow();
	}

	/** The failures of the address fail2ban found in the jail, as its own log says ({@code [sshd] Found …}). */
	private static int foundByFail2ban(String jail, String address) {
		return server.serverLog().split("\\[" + jail + "\\] Found " + java.util.regex.Pattern.quote(address) + " ", -1).length
				- 1;
	}

	private static String syslog(String rest) {
		return SYSLOG.format(LocalDateTime.now()) + rest;
	}

	private static String rsyslog(String rest) {
		return RSYSLOG.format(java.time.OffsetDateTime.now()) + rest;
	}

	private static void append(Path log, List<String> lines) throws IOException {
		Files.writeString(log, String.join("\n", lines) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
	}

}
