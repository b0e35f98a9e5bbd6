package org.unbanpanel.pam;

import java.nio.file.Path;
import java.util.List;

import org.unbanpanel.core.AccountName;
import org.unbanpanel.exec.CommandResult;
import org.unbanpanel.exec.CommandRunner;

/**
 * {@link AccountLocks} over {@code faillock [--dir D] [--user U] [--reset]}. faillock prints nothing when resetting,
 * so the state before a reset is read first.
 * <p>
 * faillock 1.5.2 (Debian 12) answers a user it does not know like one without failures; later releases exit 1 with
 * "Error no such user", which is reported as {@link AccountLockException.Reason#UNKNOWN_USER}.
 * <p>
 * pam_faillock creates its directory ({@code /var/run/faillock}, a tmpfs) at the first failed login after a boot, so
 * on a machine where nobody has failed yet the listing exits 2 with "Error reading tally directory: No such file or
 * directory": no account is locked, which is what {@link #all()} says then.
 */
final class FaillockAccounts extends LockTool {

	/**
	 * @param command the program, for example {@code [faillock]} or {@code [sudo, -n, /usr/sbin/faillock]}
	 * @param dir the tally directory, {@code null} for faillock's default {@code /var/run/faillock}
	 */
	FaillockAccounts(CommandRunner runner, List<String> command, Path dir) {
		super(runner, "faillock", command, "--dir", dir, "no such user", FaillockOutput::parse, FaillockOutput::parse);
	}

	@Override
	boolean nothingRecordedYet(CommandResult listing) {
		return listing.exitCode() == 2
				&& listing.stderr().contains("Error reading tally directory: No such file or directory");
	}

	@Override
	public LockRecord reset(AccountName user) {
		LockRecord before = status(user);
		runReset(user);
		return before;
	}

}
