package org.unbanpanel.pam;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.unbanpanel.core.AccountName;

/**
 * Reads what {@code faillock} (Linux-PAM 1.5) prints: per user a line {@code user:}, the header
 * {@code When                Type  Source                                           Valid} and one line per record,
 * {@code %-19s %-5s %-52.52s %s} with the local time, RHOST/TTY/SVC, the source and V or I.
 * <p>
 * Only records marked V count as failures. pam_faillock itself locks on the V records alone: it clears the valid flag
 * of records older than {@code fail_interval} and of all records once a lock has run out ({@code unlock_time}), and
 * writes the next failure over the oldest invalid record. An I record is therefore history that no longer locks
 * anybody, and counting it would show a released user as still locked.
 */
final class FaillockOutput {

	private static final String HEADER = "When ";

	private static final Pattern USER = Pattern.compile("(\\S+):");

	private static final Pattern RECORD = Pattern
		.compile("(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}) (RHOST|TTY|SVC) +(.*?) +([VI])");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private FaillockOutput() {
	}

	/** One record per user block, in the order printed, users without valid failures included. */
	static List<LockRecord> parse(String stdout) {
		List<LockRecord> records = new ArrayList<>();
		String user = null;
		List<Failure> failures = new ArrayList<>();
		for (String line : stdout.lines().toList()) {
			Matcher userLine = USER.matcher(line);
			Matcher recordLine = RECORD.matcher(line);
			if (userLine.matches()) {
				addUser(records, user, failures);
				user = userLine.group(1);
				failures = new ArrayList<>();
			}
			else if (recordLine.matches() && user != null) {
				failures.add(failure(recordLine));
			}
			else if (!line.startsWith(HEADER) && !line.isBlank()) {
				throw AccountLockException.unreadable("faillock", line);
			}
		}
		addUser(records, user, failures);
		return records;
	}

	/** The record of one user from {@code faillock --user U}; no output at all means no failures. */
	static LockRecord parse(String stdout, AccountName user) {
		return parse(stdout).stream()
			.filter(record -> record.user().equals(user.value()))
			.findFirst()
			.orElse(LockRecord.noFailures(user.value()));
	}

	private static void addUser(List<LockRecord> records, String user, List<Failure> failures) {
		if (user == null) {
			return;
		}
		List<Failure> valid = failures.stream().filter(Failure::valid).toList();
		records.add(valid.stream()
			.max(Comparator.comparing(Failure::time))
			.map(newest -> new LockRecord(user, valid.size(), newest.time(), newest.source()))
			.orElse(LockRecord.noFailures(user)));
	}

	private static Failure failure(Matcher line) {
		return new Failure(LocalDateTime.parse(line.group(1), TIME), line.group(3), "V".equals(line.group(4)));
	}

	/** One line of the listing: records are printed in slot order, not time order, so the newest is looked for. */
	private record Failure(LocalDateTime time, String source, boolean valid) {
	}

}
