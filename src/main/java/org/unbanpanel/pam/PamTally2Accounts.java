package org.unbanpanel.pam;

import java.nio.file.Path;
import java.util.List;

import org.unbanpanel.core.AccountName;
import org.unbanpanel.exec.CommandRunner;

/**
 * {@link AccountLocks} over {@code pam_tally2 [--file F] [--user U] [--reset]}. With {@code --reset} pam_tally2 prints
 * the state before the reset, so one run both reads and clears.
 */
final class PamTally2Accounts implements AccountLocks {

	private final LockTool pamTally2;

	/**
	 * @param command the program, for example {@code [pam_tally2]} or {@code [sudo, -n, /sbin/pam_tally2]}
	 * @param file the tally file, {@code null} for pam_tally2's default {@code /var/log/tallylog}
	 */
	PamTally2Accounts(CommandRunner runner, List<String> command, Path file) {
		this.pamTally2 = new LockTool(runner, "pam_tally2", command, "--file", file, "Unknown user");
	}

	@Override
	public String backend() {
		return pamTally2.name();
	}

	@Override
	public LockRecord status(AccountName user) {
		return PamTally2Output.parse(pamTally2.status(user), user);
	}

	@Override
	public List<LockRecord> all() {
		return PamTally2Output.parse(pamTally2.list()).stream().filter(LockRecord::hasFailures).toList();
	}

	@Override
	public LockRecord reset(AccountName user) {
		return PamTally2Output.parse(pamTally2.reset(user), user);
	}

	@Override
	public boolean listsWholeName(String listedName) {
		return listedName.length() < PamTally2Output.NAME_WIDTH;
	}

}
