package org.unbanpanel.pam;

import java.nio.file.Path;
import java.util.List;

import org.unbanpanel.core.AccountName;
import org.unbanpanel.exec.CommandRunner;

/**
 * {@link AccountLocks} over {@code pam_tally2 [--file F] [--user U] [--reset]}. With {@code --reset} pam_tally2 prints
 * the state before the reset, so one run both reads and clears.
 */
final class PamTally2Accounts extends LockTool {

	/**
	 * @param command the program, for example {@code [pam_tally2]} or {@code [sudo, -n, /sbin/pam_tally2]}
	 * @param file the tally file, {@code null} for pam_tally2's default {@code /var/log/tallylog}
	 */
	PamTally2Accounts(CommandRunner runner, List<String> command, Path file) {
		super(runner, "pam_tally2", command, "--file", file, "Unknown user", PamTally2Output::parse,
				PamTally2Output::parse);
	}

	@Override
	public LockRecord reset(AccountName user) {
		return PamTally2Output.parse(runReset(user), user);
	}

	@Override
	public boolean listsWholeName(String listedName) {
		return listedName.length() < PamTally2Output.NAME_WIDTH;
	}

}
