package org.unbanpanel.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExecCommandRunnerTests {

	private final ExecCommandRunner runner = new ExecCommandRunner(Duration.ofSeconds(5), 1024);

	@Test
	void passesEveryArgumentToTheProcessExactlyAsGiven() {
		List<String> hostile = List.of("1.2.3.4;id", "$(id)", "`id`", "a b", "\"quoted\"", "'single'", "${HOME}",
				"--all", "-x", "*", "back\\slash", "new\nline", "");
		List<String> command = new java.util.ArrayList<>(List.of("/usr/bin/printf", "[%s]\\n"));
		command.addAll(hostile);

		CommandResult result = runner.run(command);

		StringBuilder expected = new StringBuilder();
		hostile.forEach(argument -> expected.append('[').append(argument).append("]\n"));
		assertThat(result.exitCode()).isZero();
		assertThat(result.stdout()).isEqualTo(expected.toString());
	}

	@Test
	void keepsExitCodeAndStderrOfAFailingProgram() {
		CommandResult result = runner.run(List.of("/bin/ls", "/nonexistent-unban-panel"));

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.succeeded()).isFalse();
		assertThat(result.message()).contains("/nonexistent-unban-panel");
	}

	@Test
	void capsCapturedOutputAndSaysSo() {
		CommandResult result = runner.run(List.of("/usr/bin/head", "-c", "5000", "/dev/zero"));

		assertThat(result.stdout()).hasSize(1024);
		assertThat(result.outputTruncated()).isTrue();
	}

	@Test
	void killsAHungProgramAfterTheTimeout() {
		ExecCommandRunner impatient = new ExecCommandRunner(Duration.ofMillis(300), 1024);
		long started = System.nanoTime();

		assertThatThrownBy(() -> impatient.run(List.of("/bin/sleep", "30"))).isInstanceOfSatisfying(
				CommandException.class, ex -> {
					assertThat(ex.reason()).isEqualTo(CommandException.Reason.TIMEOUT);
					assertThat(ex.getMessage()).isEqualTo("sleep did not answer within 300 ms and was stopped");
				});
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void givesACallThatCarriesMoreWorkTheExtraTimeItAsksFor() {
		ExecCommandRunner impatient = new ExecCommandRunner(Duration.ofMillis(300), 1024);

		assertThat(impatient.run(List.of("/bin/sleep", "0.6"), Duration.ofSeconds(5)).exitCode()).isZero();
		assertThatThrownBy(() -> impatient.run(List.of("/bin/sleep", "30"), Duration.ofMillis(200)))
			.hasMessage("sleep did not answer within 500 ms and was stopped");
	}

	@Test
	void reportsAMissingProgramReadably() {
		assertThatThrownBy(() -> runner.run(List.of("/nonexistent/fail2ban-client", "ping")))
			.isInstanceOfSatisfying(CommandException.class,
					ex -> assertThat(ex.reason()).isEqualTo(CommandException.Reason.NOT_FOUND))
			.hasMessage("cannot run /nonexistent/fail2ban-client: no such executable program");
	}

	@Test
	void tellsASudoRefusalFromTheProgramsOwnFailure(@TempDir Path dir) throws IOException {
		// a stand-in for sudo that answers the way sudo -n does when a password would be needed
		Path sudo = dir.resolve("sudo");
		Files.writeString(sudo, "#!/bin/sh\necho 'sudo: a password is required' >&2\nexit 1\n");
		sudo.toFile().setExecutable(true);

		assertThatThrownBy(() -> runner.run(List.of(sudo.toString(), "-n", "/usr/bin/fail2ban-client", "ping")))
			.isInstanceOfSatisfying(CommandException.class,
					ex -> assertThat(ex.reason()).isEqualTo(CommandException.Reason.SUDO_REFUSED))
			.hasMessage("sudo refused to run /usr/bin/fail2ban-client: sudo: a password is required");
	}

	@Test
	void leavesAnOrdinaryExitCodeOneToTheCaller() {
		CommandResult result = runner.run(List.of("/bin/false"));

		assertThat(result.exitCode()).isEqualTo(1);
	}

	@Test
	void stopsTheProgramAndSaysSoWhenTheCallerIsInterrupted() throws Exception {
		ExecCommandRunner patient = new ExecCommandRunner(Duration.ofSeconds(30), 1024);
		AtomicReference<Throwable> thrown = new AtomicReference<>();
		Thread caller = new Thread(() -> {
			try {
				patient.run(List.of("/bin/sleep", "29.5"));
			}
			catch (RuntimeException ex) {
				thrown.set(ex);
			}
		});
		caller.start();
		Thread.sleep(300);
		caller.interrupt();
		caller.join(5000);

		assertThat(caller.isAlive()).isFalse();
		assertThat(thrown.get()).isInstanceOfSatisfying(CommandException.class,
				ex -> assertThat(ex.reason()).isEqualTo(CommandException.Reason.INTERRUPTED));
		assertThat(ProcessHandle.allProcesses()
			.filter(process -> process.info().arguments().map(args -> List.of(args).contains("29.5")).orElse(false)))
			.isEmpty();
	}

}
