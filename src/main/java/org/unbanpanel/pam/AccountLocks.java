package org.unbanpanel.pam;

import java.util.List;
import org.unbanpanel.core.AccountName;

/**
 * The failed-login locks PAM keeps on user accounts, through {@code faillock} or {@code pam_tally2}. Every method
 * validates the user name before any process starts and throws {@link AccountLockException} with a readable message
 * when the tool cannot be run or reports an error; none hangs longer than the command timeout.
 */
public interface AccountLocks {

	/** The tool behind this instance, for pages: {@code faillock}, {@code pam_tally2} or {@code none}. */
	String backend();

	/** Whether a tool manages account locks here at all; when not, the pages offer no account field. */
	default boolean managed() {
		return true;
	}

	/** The failures held against one user; a user without any gets a record with zero failures. */
	LockRecord status(AccountName user);

	/** Every user with at least one failure, as the tool lists them when asked without a user. */
	List<LockRecord> all();

	/**
	 * Clears the failures of exactly this one user.
	 * @return the state before the reset, so the caller can tell what was released
	 */
	LockRecord reset(AccountName user);

	/**
	 * Whether a name as {@link #all()} lists it is the whole user name, safe to reset by. pam_tally2 cuts names at 15
	 * characters, so a listed name of that length may belong to a longer one (or name a different, shorter user).
	 */
	default boolean listsWholeName(String listedName) {
		return true;
	}

}
