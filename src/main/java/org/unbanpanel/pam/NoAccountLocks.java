package org.unbanpanel.pam;

import java.util.List;
import org.unbanpanel.core.AccountName;

/** Backend {@code none}: no account-lock tool is configured or found, and every question says so. */
final class NoAccountLocks implements AccountLocks {

	static final String BACKEND = "none";

	@Override
	public String backend() {
		return BACKEND;
	}

	@Override
	public LockRecord status(AccountName user) {
		throw notConfigured();
	}

	@Override
	public List<LockRecord> all() {
		throw notConfigured();
	}

	@Override
	public LockRecord reset(AccountName user) {
		throw notConfigured();
	}

	private static AccountLockException notConfigured() {
		return new AccountLockException(AccountLockException.Reason.NOT_CONFIGURED,
				"account locks are not managed here: neither faillock nor pam_tally2 was found or configured"
						+ " (panel.accounts.backend)");
	}

}
