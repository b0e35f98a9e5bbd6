package org.unbanpanel.pam;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.unbanpanel.core.AccountName;

/**
 * Reads what {@code pam_tally2} prints: the header {@code Login           Failures Latest failure     From}, then per
 * user {@code %-15.15s %5hu    } and, when a failure time is stored, {@code %-17.17s  %s} with the time as
 * {@code MM/DD/YY HH:MM:SS} and the source (a host, a tty or {@code unknown}). Names longer than 15 characters are cut.
 */
final class PamTally2Output {

	static final int NAME_WIDTH = 15;

	private static final String HEADER = "Login ";

	private static final Pattern LINE = Pattern
		.compile("(.{" + NAME_WIDTH + "}) ([ \\d]{4}\\d)    (?:(\\d\\d/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d)  (.*))?");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM/dd/yy HH:mm:ss");

	private PamTally2Output() {
	}

	/** Every user line, in the order printed, with the names as printed (cut at 15 characters). */
	static List<LockRecord> parse(String stdout) {
		List<LockRecord> records = new ArrayList<>();
		for (String line : stdout.lines().toList()) {
			Matcher user = LINE.matcher(line);
			if (user.matches()) {
				records.add(record(user));
			}
			else if (!line.startsWith(HEADER) && !line.isBlank()) {
				throw AccountLockException.unreadable("pam_tally2", line);
			}
		}
		return records;
	}

	/**
	 * The record of one user from {@code pam_tally2 --user U}, under the full name: pam_tally2 prints it cut to 15
	 * characters, so the cut name is what is looked for.
	 */
	static LockRecord parse(String stdout, AccountName user) {
		String printed = user.value().length() > NAME_WIDTH ? user.value().substring(0, NAME_WIDTH) : user.value();
		return parse(stdout).stream()
			.filter(record -> record.user().equals(printed))
			.findFirst()
			.map(record -> new LockRecord(user.value(), record.failures(), record.lastFailure(), record.source()))
			.orElse(LockRecord.noFailures(user.value()));
	}

	private static LockRecord record(Matcher line) {
		String user = line.group(1).stripTrailing();
		int failures = Integer.parseInt(line.group(2).strip());
		if (line.group(3) == null) {
			return new LockRecord(user, failures, null, "");
		}
		return new LockRecord(user, failures, LocalDateTime.parse(line.group(3), TIME), line.group(4));
	}

}
