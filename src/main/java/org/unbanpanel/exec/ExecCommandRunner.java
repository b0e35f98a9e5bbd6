package org.unbanpanel.exec;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteException;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.Executor;
import org.apache.commons.exec.PumpStreamHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.unbanpanel.core.Explanation;

/**
 * {@link CommandRunner} on Apache commons-exec. Each argument is added with quoting switched off, so what the caller
 * passes is exactly what the program receives in its argv. Stdin is closed at once, so nothing (sudo included) can
 * wait for input. At most {@code maxConcurrent} runs of one program are under way at once; the others wait in order
 * for a place, at most the timeout, so a hung program never makes the panel start more of it.
 */
@Component
class ExecCommandRunner implements CommandRunner {

	private static final Map<String, String> ENVIRONMENT = cLocaleEnvironment();

	private final Duration timeout;

	private final long maxOutputBytes;

	private final int maxConcurrent;

	/** The places of each program, by its name (behind sudo, the program sudo runs). */
	private final ConcurrentMap<String, Semaphore> places = new ConcurrentHashMap<>();

	@Autowired
	ExecCommandRunner(CommandsProperties properties) {
		this(properties.timeout(), properties.maxOutput().toBytes(), properties.maxConcurrent());
	}

	ExecCommandRunner(Duration timeout, long maxOutputBytes, int maxConcurrent) {
		this.timeout = timeout;
		this.maxOutputBytes = maxOutputBytes;
		this.maxConcurrent = maxConcurrent;
	}

	@Override
	public CommandResult run(List<String> command, Duration extraTime) {
		if (command.isEmpty()) {
			throw new IllegalArgumentException("empty command");
		}
		String program = SudoRefusal.programRun(command);
		Semaphore place = places.computeIfAbsent(program, name -> new Semaphore(maxConcurrent, true));
		take(place, program);
		try {
			return execute(command, this.timeout.plus(extraTime));
		}
		finally {
			place.release();
		}
	}

	private void take(Semaphore place, String program) {
		try {
			if (!place.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new CommandException(CommandException.Reason.BUSY,
						Explanation.of("command.busy", program, maxConcurrent, timeout.toMillis()));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CommandException(CommandException.Reason.INTERRUPTED, Explanation.of("command.notStarted", program));
		}
	}

	private CommandResult execute(List<String> command, Duration timeout) {
		BoundedOutputStream stdout = new BoundedOutputStream(maxOutputBytes);
		BoundedOutputStream stderr = new BoundedOutputStream(maxOutputBytes);
		ExecuteWatchdog watchdog = ExecuteWatchdog.builder().setTimeout(timeout).get();
		DefaultExecutor executor = DefaultExecutor.builder()
			.setExecuteStreamHandler(new PumpStreamHandler(stdout, stderr, null))
			.get();
		executor.setWatchdog(watchdog);
		executor.setExitValues(null);
		int exitCode;
		try {
			exitCode = executor.execute(commandLine(command), ENVIRONMENT);
		}
		catch (ExecuteException ex) {
			exitCode = ex.getExitValue();
		}
		catch (IOException ex) {
			throw startFailure(command, ex);
		}
		if (exitCode == Executor.INVALID_EXITVALUE || Thread.currentThread().isInterrupted()) {
			throw new CommandException(CommandException.Reason.INTERRUPTED,
					Explanation.of("command.interrupted", SudoRefusal.programName(command)));
		}
		if (watchdog.killedProcess()) {
			throw new CommandException(CommandException.Reason.TIMEOUT,
					Explanation.of("command.timeout", SudoRefusal.programName(command), timeout.toMillis()));
		}
		return SudoRefusal.check(command, new CommandResult(exitCode, stdout.text(), stderr.text(),
				stdout.truncated() || stderr.truncated()));
	}

	private static CommandLine commandLine(List<String> command) {
		CommandLine line = new CommandLine(command.get(0));
		for (String argument : command.subList(1, command.size())) {
			line.addArgument(argument, false);
		}
		return line;
	}

	/** The C locale keeps every tool's output in the format the parsers were written for. */
	private static Map<String, String> cLocaleEnvironment() {
		Map<String, String> environment = new HashMap<>(System.getenv());
		environment.put("LC_ALL", "C");
		environment.put("LANG", "C");
		return Map.copyOf(environment);
	}

	private static CommandException startFailure(List<String> command, IOException ex) {
		String text = String.valueOf(ex.getMessage());
		if (text.contains("error=2,") || text.contains("error=13,")) {
			return new CommandException(CommandException.Reason.NOT_FOUND,
					Explanation.of("command.notFound", command.get(0)));
		}
		return new CommandException(CommandException.Reason.START_FAILED,
				Explanation.of("command.startFailed", command.get(0), text));
	}

}
