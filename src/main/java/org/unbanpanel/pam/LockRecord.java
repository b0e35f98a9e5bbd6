package org.unbanpanel.pam;

import java.time.LocalDateTime;

/**
 * The failed logins a PAM module holds against one user.
 *
 * @param user the user name as the tool printed it (pam_tally2 cuts names at 15 characters in its listing)
 * @param failures the failures that count towards the lock
 * @param lastFailure local time of the newest of those failures, {@code null} when there is none
 * @param source where the newest failure came from (a remote host, a tty or a PAM service), empty when unknown
 */
public record LockRecord(String user, int failures, LocalDateTime lastFailure, String source) {

	static LockRecord noFailures(String user) {
		return new LockRecord(user, 0, null, "");
	}

	public boolean hasFailures() {
		return failures > 0;
	}

}
