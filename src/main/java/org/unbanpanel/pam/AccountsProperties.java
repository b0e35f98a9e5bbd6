package org.unbanpanel.pam;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which tool keeps the account locks and how to run it.
 *
 * @param backend {@code auto} (default: faillock when its program is found, else pam_tally2, else none),
 * {@code faillock}, {@code pam-tally2} or {@code none}
 * @param faillock how to run faillock
 * @param pamTally2 how to run pam_tally2
 */
@ConfigurationProperties("panel.accounts")
record AccountsProperties(@DefaultValue("auto") Backend backend, @DefaultValue Faillock faillock,
		@DefaultValue PamTally2 pamTally2) {

	enum Backend {

		AUTO, FAILLOCK, PAM_TALLY2, NONE

	}

	/**
	 * @param command the program and any prefix (default {@code [faillock]}, found on the PATH); in production for
	 * example {@code [sudo, -n, /usr/sbin/faillock]}
	 * @param dir the tally directory, passed as {@code --dir} (default none: faillock's own, {@code /var/run/faillock})
	 */
	record Faillock(@DefaultValue("faillock") List<String> command, Path dir) {
	}

	/**
	 * @param command the program and any prefix (default {@code [pam_tally2]}, found on the PATH); in production for
	 * example {@code [sudo, -n, /sbin/pam_tally2]}
	 * @param file the tally file, passed as {@code --file} (default none: pam_tally2's own, {@code /var/log/tallylog})
	 */
	record PamTally2(@DefaultValue("pam_tally2") List<String> command, Path file) {
	}

}
