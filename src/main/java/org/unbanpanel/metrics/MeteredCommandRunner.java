package org.unbanpanel.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.unbanpanel.exec.CommandException;
import org.unbanpanel.exec.CommandResult;
import org.unbanpanel.exec.CommandRunner;
import org.unbanpanel.hosts.HostName;

/**
 * Times every program the panel runs, as {@value #NAME} ({@code panel_commands_seconds} in Prometheus) tagged with the
 * {@link CommandTags tool and command} and the {@code outcome}: {@code success}, {@code failure} (a non-zero exit), or
 * why it did not run to an end ({@code timeout}, {@code sudo_refused}, {@code not_found}, {@code interrupted},
 * {@code start_failed}, {@code busy}, {@code unreachable}), and the {@code host} it ran on ({@code local}, or the name of a host of {@code panel.hosts}):
 * one tag more on the same timer, so that a sum over the hosts reads as the timer did before there were hosts.
 */
final class MeteredCommandRunner implements CommandRunner {

	static final String NAME = "panel.commands";

	private final CommandRunner delegate;

	private final String host;

	private final MeterRegistry registry;

	MeteredCommandRunner(CommandRunner delegate, HostName host, MeterRegistry registry) {
		this.delegate = delegate;
		this.host = host.value();
		this.registry = registry;
	}

	@Override
	public CommandResult run(List<String> command, Duration extraTime) {
		Timer.Sample sample = Timer.start(registry);
		String outcome = "failure";
		try {
			CommandResult result = delegate.run(command, extraTime);
			outcome = result.succeeded() ? "success" : "failure";
			return result;
		}
		catch (CommandException ex) {
			outcome = ex.reason().name().toLowerCase(Locale.ROOT);
			throw ex;
		}
		finally {
			sample.stop(Timer.builder(NAME)
				.description("Runs of fail2ban-client and the account-lock tools, by tool, command, outcome and host")
				.tags(CommandTags.of(command))
				.tag("outcome", outcome)
				.tag("host", host)
				.register(registry));
		}
	}

}
