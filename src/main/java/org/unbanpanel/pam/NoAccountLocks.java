package org.unbanpanel.pam;

import java.util.List;

import org.unbanpanel.core.AccountName;
import org.unbanpanel.core.Explanation;

/** Backend {@code none}: no account-lock tool is configured or found, and every question says so. */
final class NoAccountLocks implements AccountLocks {

	static final String BACKEND = "none";

	private final Explanation why;

	/** This machine's: {@code panel.accounts.backend} names no tool, or none was found. */
	NoAccountLocks() {
		this(Explanation.of("accounts.tool.none"));
	}

	NoAccountLocks(Explanation why) {
		this.why = why;
	}

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

	private AccountLockException notConfigured() {
		return new AccountLockException(AccountLockException.Reason.NOT_CONFIGURED, why);
	}

}
