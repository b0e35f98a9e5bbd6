package org.unbanpanel.sudo;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.unbanpanel.testsupport.ProgramRun;
import org.unbanpanel.testsupport.SystemTools;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped sudoers rules as sudo's own checker reads them. */
class SudoersFileTests {

	@Test
	void visudoAcceptsTheShippedFile() {
		SystemTools.requireProgram(PrivateSudoers.VISUDO, "sudo");

		ProgramRun check = ProgramRun.of(List.of(PrivateSudoers.VISUDO, "-cf", PrivateSudoers.SHIPPED.toString()),
				Duration.ofSeconds(30));

		assertThat(check.exitCode()).as(check.stdout() + check.stderr()).isZero();
		assertThat(check.stdout()).contains("parsed OK");
	}

}
