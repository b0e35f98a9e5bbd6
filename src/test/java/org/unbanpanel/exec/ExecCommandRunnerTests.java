package org.unbanpanel.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExecCommandRunnerTests {

	private final ExecCommandRunner runner = new ExecCommandRunner(Duration.ofSeconds(5), 1024, 4);

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
		ExecCommandRunner impatient = new ExecCommandRunner(Duration.ofMillis(300), 1024, 4);
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
		ExecCommandRunner impatient = new ExecCommandRunner(Duration.ofMillis(300), 1024, 4);

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
		ExecCommandRunner patient = new ExecCommandRunner(Duration.ofSeconds(30), 1024, 4);
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

	@Test
	void runsAtMostTheConfiguredNumberOfOneProgramAtOnce(@TempDir Path dir) throws Exception {
		ExecCommandRunner twoAtOnce = new ExecCommandRunner(Duration.ofSeconds(10), 1024, 2);
		Path log = dir.resolve("runs");
		// each run notes its own start and end (nanoseconds, +1 and -1), so the count holds however busy the machine is
		String run = "echo \"$(date +%s%N) 1\" >> \"$1\"; sleep 0.3; echo \"$(date +%s%N) -1\" >> \"$1\"";
		long started = System.nanoTime();

		runAtOnce(6, () -> twoAtOnce.run(List.of("/bin/sh", "-c", run, "sh", log.toString())));

		Duration took = Duration.ofNanos(System.nanoTime() - started);
		List<long[]> events = Files.readAllLines(log)
			.stream()
			.map(line -> line.split(" "))
			.map(fields -> new long[] { Long.parseLong(fields[0]), Long.parseLong(fields[1]) })
			.sorted((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]))
			.toList();
		int underWay = 0;
		int most = 0;
		for (long[] event : events) {
			underWay += (int) event[1];
			most = Math.max(most, underWay);
		}
		assertThat(events).as("a start and an end for each of the 6 runs").hasSize(12);
		assertThat(most).isBetween(1, 2);
		assertThat(took).as("6 runs of 0.3 s, 2 at a time").isGreaterThanOrEqualTo(Duration.ofMillis(900));
	}

	@Test
	void givesUpARunThatFindsNoPlaceWithinTheTimeout() throws Exception {
		ExecCommandRunner oneAtOnce = new ExecCommandRunner(Duration.ofSeconds(1), 1024, 1);
		ExecutorService callers = Executors.newFixedThreadPool(3);
		try {
			// the first holds the place for 0.6 s; the second waits for it, then holds the place until it is killed
			// at 1.6 s: the third, waiting from 0.1 s, finds no place by 1.1 s (half a second of margin each way)
			CompletableFuture<?> first = CompletableFuture.runAsync(() -> runQuietly(oneAtOnce, "0.6"), callers);
			Thread.sleep(50);
			CompletableFuture<?> second = CompletableFuture.runAsync(() -> runQuietly(oneAtOnce, "29.2"), callers);
			Thread.sleep(50);
			long started = System.nanoTime();

			assertThatThrownBy(() -> oneAtOnce.run(List.of("/bin/sleep", "29.3")))
				.isInstanceOfSatisfying(CommandException.class,
						ex -> assertThat(ex.reason()).isEqualTo(CommandException.Reason.BUSY))
				.hasMessage("sleep was not started: its one run at once stayed under way for 1000 ms");
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
			CompletableFuture.allOf(first, second).join();
		}
		finally {
			callers.shutdownNow();
		}
	}

	@Test
	void givesEachProgramPlacesOfItsOwn() throws Exception {
		ExecCommandRunner oneAtOnce = new ExecCommandRunner(Duration.ofSeconds(2), 1024, 1);
		CompletableFuture<?> sleeping = CompletableFuture.runAsync(() -> runQuietly(oneAtOnce, "1.5"));
		Thread.sleep(100);

		assertThat(oneAtOnce.run(List.of("/usr/bin/printf", "free")).stdout()).isEqualTo("free");
		assertThat(sleeping).isNotDone();
		sleeping.join();
	}

	private static void runAtOnce(int count, Runnable run) {
		List<CompletableFuture<Void>> runs = new ArrayList<>();
		ExecutorService callers = Executors.newFixedThreadPool(count);
		try {
			for (int i = 0; i < count; i++) {
				runs.add(CompletableFuture.runAsync(run, callers));
			}
			CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).join();
		}
		finally {
			callers.shutdown();
		}
	}

	private static void runQuietly(ExecCommandRunner runner, String seconds) {
		try {
			runner.run(List.of("/bin/sleep", seconds));
		}
		catch (CommandException ex) {
			// killed at the timeout, as intended
		}
	}

}
