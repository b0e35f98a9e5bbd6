package org.unbanpanel.pam;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unbanpanel.core.AccountName;
import org.unbanpanel.exec.CommandRunners;
import org.unbanpanel.testsupport.SystemTools;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real faillock on a machine where nobody has failed a login since the boot: pam_faillock has not created its
 * tally directory yet, which is no error, and nobody is locked.
 */
class FaillockWithoutRecordsTests {

	@Test
	void missingTallyDirectoryMeansNoAccountIsLocked(@TempDir Path parent) {
		SystemTools.requireProgram("/usr/sbin/faillock", "libpam-modules-bin");
		AccountLocks accounts = new FaillockAccounts(CommandRunners.real(Duration.ofSeconds(10)),
				List.of("/usr/sbin/faillock"), parent.resolve("faillock"));

		assertThat(accounts.all()).isEmpty();
		assertThat(accounts.status(AccountName.parse("root")).hasFailures()).isFalse();
	}

}
