package org.unbanpanel.evidence;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.unbanpanel.core.BanTarget;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.evidence.Evidence.AccountCount;
import org.unbanpanel.evidence.Evidence.Kind;
import org.unbanpanel.evidence.Evidence.Line;
import org.unbanpanel.evidence.Evidence.ServiceCount;
import org.unbanpanel.fail2ban.Fail2banException;

/** The office story as the evidence service answers it, for tests of the pages that show evidence. */
public final class EvidenceExamples {

	public static final String OFFICE = "203.0.113.7";

	public static final BanTarget OFFICE_ADDRESS = BanTarget.parse(OFFICE);

	/** The ban's start as fail2ban prints it. */
	public static final LocalDateTime BAN_START = LocalDateTime.parse("2026-11-25T11:00:00");

	private EvidenceExamples() {
	}

	/** What the adapters throw when no fail2ban-server runs. */
	public static Fail2banException fail2banNotRunning() {
		return new Fail2banException(Fail2banException.Reason.UNREACHABLE,
				Explanation.of("fail2ban.noSocket", "/run/fail2ban/fail2ban.sock"));
	}

	/** alice's phone retried her old password 14 times over IMAP; bob mistyped once. */
	public static Evidence dovecot() {
		Instant start = BAN_START.atZone(ZoneId.systemDefault()).toInstant();
		return new Evidence("dovecot", OFFICE, start, Duration.ofMinutes(10), 15, start.minusSeconds(590),
				start.minusSeconds(30), List.of(new ServiceCount("imap", 15)),
				List.of(new AccountCount("alice@example.org", 14, List.of("imap")), new AccountCount("bob", 1,
						List.of("imap"))),
				List.of(new Line(start.minusSeconds(30), Kind.FAILURE, "imap", "Nov 25 10:59:30 mail dovecot: "
						+ "imap-login: Disconnected (auth failed, 1 attempts in 2 secs): user=<bob>, method=PLAIN, rip="
						+ OFFICE + ", lip=192.0.2.10, TLS <script>")),
				14, 1, List.of("/var/log/mail.log"),
				List.of(new SourceProblem("/var/log/mail.log.2.gz", SourceProblem.Reason.NOT_READABLE, "")), null, null);
	}

	/** Banned four times in a week, three of them in dovecot after alice's failures, released once by admin. */
	public static History history() {
		Instant start = BAN_START.atZone(ZoneId.systemDefault()).toInstant();
		return new History(OFFICE, Duration.ofDays(30),
				List.of(new History.PastBan("dovecot", start.minus(Duration.ofDays(6))),
						new History.PastBan("sasl", start.minus(Duration.ofDays(6))),
						new History.PastBan("dovecot", start.minus(Duration.ofDays(2))),
						new History.PastBan("dovecot", start)),
				7, List.of(new History.JailBans("dovecot", 3, List.of(new AccountCount("alice@example.org", 40,
						List.of("imap")))), new History.JailBans("sasl", 1, List.of())),
				new History.Release(start.minus(Duration.ofDays(1)), "admin", 3L), List.of(), null, null);
	}

}
