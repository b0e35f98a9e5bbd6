package org.unbanpanel.metrics;

import java.util.List;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.exec.CommandException;
import org.unbanpanel.exec.CommandResult;
import org.unbanpanel.exec.CommandRunner;
import org.unbanpanel.hosts.HostName;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.unbanpanel.exec.CommandRunners.ok;

/** Every run is timed under its tool, command, outcome and host, and its result or exception passes through unchanged. */
class MeteredCommandRunnerTests {

	private static final List<String> VERSION = List.of("fail2ban-client", "--", "version");

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	@Test
	void countsSuccessesAndFailuresApart() {
		CommandResult refused = new CommandResult(255, "", "ERROR", false);
		CommandRunner runner = new MeteredCommandRunner(stub(ok("1.0.2\n"), refused, ok("1.0.2\n")), HostName.LOCAL, registry);

		assertThat(runner.run(VERSION).stdout()).isEqualTo("1.0.2\n");
		assertThat(runner.run(VERSION)).isSameAs(refused);
		runner.run(VERSION);

		assertThat(timer("success").count()).isEqualTo(2);
		assertThat(timer("failure").count()).isEqualTo(1);
	}

	@Test
	void aRunThatDidNotEndIsCountedByItsReason() {
		CommandRunner timesOut = (command, extraTime) -> {
			throw new CommandException(CommandException.Reason.TIMEOUT,
					Explanation.of("command.timeout", "fail2ban-client", 10_000));
		};
		CommandRunner runner = new MeteredCommandRunner(timesOut, HostName.LOCAL, registry);

		assertThatExceptionOfType(CommandException.class).isThrownBy(() -> runner.run(VERSION));

		assertThat(timer("timeout").count()).isEqualTo(1);
	}

	@Test
	void tagsEachRunWithTheHostItRanOnUnderTheSameTimer() {
		CommandRunner local = new MeteredCommandRunner(stub(ok("1.0.2\n")), HostName.LOCAL, registry);
		CommandRunner mail = new MeteredCommandRunner(stub(ok("1.1.0\n"), ok("1.1.0\n")), HostName.parse("mail"),
				registry);

		local.run(VERSION);
		mail.run(VERSION);
		mail.run(VERSION);

		assertThat(timer("success").count()).isEqualTo(1);
		assertThat(timer("success", "mail").count()).isEqualTo(2);
		assertThat(registry.get(MeteredCommandRunner.NAME).tags("outcome", "success").timers())
			.extracting(Timer::count)
			.containsExactlyInAnyOrder(1L, 2L);
	}

	private Timer timer(String outcome) {
		return timer(outcome, "local");
	}

	private Timer timer(String outcome, String host) {
		return registry.get(MeteredCommandRunner.NAME)
			.tags("tool", "fail2ban-client", "command", "version", "outcome", outcome, "host", host)
			.timer();
	}

	private static CommandRunner stub(CommandResult... results) {
		int[] next = { 0 };
		return (command, extraTime) -> results[next[0]++];
	}

}
