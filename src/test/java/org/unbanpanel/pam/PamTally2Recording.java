package org.unbanpanel.pam;

import org.unbanpanel.exec.CommandResult;

import static org.unbanpanel.exec.CommandRunners.ok;

/**
 * Output of the real pam_tally2 (Linux-PAM 1.4.0), copied byte for byte, trailing spaces included, from the team's
 * shared reference capture {@code shared/reference/pam_tally2-output.txt}: pam_tally2 is not packaged on Debian 12,
 * so it cannot run here. The users bob (failures from rhost 203.0.113.44), alice (tty /dev/pts/1) and averyveryverylongname (neither,
 * listed cut to 15 characters) failed real PAM authentications; the tally file was given with {@code --file}.
 */
final class PamTally2Recording {

	static final String HEADER = "Login           Failures Latest failure     From\n";

	/** {@code pam_tally2 --user bob --file /var/log/tallylog}, before any failure and after the reset. */
	static final CommandResult BOB_CLEAN = ok(HEADER + "bob                 0    \n");

	/** {@code pam_tally2 --user bob --file /var/log/tallylog} after five failures; {@code --reset} printed the same. */
	static final CommandResult BOB_FIVE_FAILURES = ok(
			HEADER + "bob                 5    11/25/26 11:00:17  203.0.113.44\n");

	/** {@code pam_tally2 --file /var/log/tallylog}: every user with failures. */
	static final CommandResult ALL_USERS = ok(HEADER + "bob                 5    11/25/26 11:00:17  203.0.113.44\n"
			+ "alice               2    11/25/26 11:00:21  /dev/pts/1\n"
			+ "averyveryverylo     3    11/25/26 11:00:28  unknown\n");

	/** {@code pam_tally2 --user nosuchuser --file /var/log/tallylog}. */
	static final CommandResult UNKNOWN_USER = new CommandResult(1, "",
			"pam_tally2: pam_get_uid; no such user nosuchuser\npam_tally2: Unknown user\n", false);

	/** {@code pam_tally2 --user bob --file /nonexistent/dir/tallylog}. */
	static final CommandResult MISSING_TALLY_DIR = new CommandResult(1, "",
			"pam_tally2: Couldn't create /nonexistent/dir/tallylog: No such file or directory\n"
					+ "pam_tally2: Authentication error\n",
			false);

	/** {@code pam_tally2 --bogus}: the usage goes to stdout, the complaint to stderr. */
	static final CommandResult USAGE_ERROR = new CommandResult(2,
			"pam_tally2: [-f rooted-filename] [--file rooted-filename]\n" + "   [-u username] [--user username]\n"
					+ "   [-r] [--reset[=n]] [--quiet]\n",
			"--bogus: Unrecognised option --bogus\n", false);

	private PamTally2Recording() {
	}

}
