package org.unbanpanel.pam;

import java.nio.file.Path;
import java.util.List;

import org.unbanpanel.exec.CommandRunner;

/** The real faillock adapter for integration tests in other packages, which cannot reach its constructor. */
public final class AccountLockAdapters {

	private AccountLockAdapters() {
	}

	/**
	 * The adapter running {@code command} (as {@code panel.accounts.faillock.command}) with {@code --dir dir}, or
	 * without {@code --dir} when {@code dir} is {@code null}.
	 */
	public static AccountLocks faillock(CommandRunner runner, List<String> command, Path dir) {
		return new FaillockAccounts(runner, command, dir);
	}

}
