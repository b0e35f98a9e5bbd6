package org.unbanpanel.pam;

import java.util.List;

import org.unbanpanel.core.AccountName;
import org.unbanpanel.core.Explanation;

/** Backend {@code none}: no account-lock tool is configured or found, and every question says so. */
final class NoAccountLocks implements AccountLocks {

	static final String BACKEND = "none";

	@Override
	public String backend() {
		return BACKEND;
	}

	@Override
	public boolean managed() {
		return false;
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
				Explanation.of("accounts.tool.none"));
	}

}
