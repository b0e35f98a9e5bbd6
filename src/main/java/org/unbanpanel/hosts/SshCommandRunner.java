package org.unbanpanel.hosts;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.session.ClientSession;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.exec.BoundedOutputStream;
import org.unbanpanel.exec.CommandException;
import org.unbanpanel.exec.CommandResult;
import org.unbanpanel.exec.CommandRunner;
import org.unbanpanel.exec.SudoRefusal;

/**
 * {@link CommandRunner} on a remote host: the argument list runs in an exec channel of the host's one session, as the
 * line {@link RemoteCommandLine} builds from it, in the C locale and under the remote {@code timeout}, so that the
 * program is stopped there too when the panel stops waiting. No pty, no agent forwarding, stdin closed at once. The
 * same output cap as locally; sudo's refusals read as locally; a host that cannot be reached is
 * {@link CommandException.Reason#UNREACHABLE} and nothing has run there.
 */
final class SshCommandRunner implements CommandRunner {

	/** How much longer than the panel waits the remote {@code timeout} lets the program run, then how long to TERM. */
	private static final Duration REMOTE_GRACE = Duration.ofSeconds(1);

	private final SshHost host;

	private final Duration timeout;

	private final long maxOutputBytes;

	private final Semaphore channels;

	SshCommandRunner(SshHost host, Duration timeout, long maxOutputBytes, int channels) {
		this.host = host;
		this.timeout = timeout;
		this.maxOutputBytes = maxOutputBytes;
		this.channels = new Semaphore(channels, true);
	}

	@Override
	public CommandResult run(List<String> command, Duration extraTime) {
		Duration allowed = timeout.plus(extraTime);
		String line = RemoteCommandLine.of(remote(command, allowed));
		long deadline = System.nanoTime() + allowed.toNanos();
		acquire(command);
		try {
			return SudoRefusal.check(command, execute(command, line, allowed, deadline));
		}
		finally {
			channels.release();
		}
	}

	/** {@code env LC_ALL=C LANG=C timeout -k 1 <seconds> <command…>}: programs found and run as they are locally. */
	private static List<String> remote(List<String> command, Duration allowed) {
		long seconds = allowed.plus(REMOTE_GRACE).toSeconds() + 1;
		List<String> argv = new ArrayList<>(List.of("env", "LC_ALL=C", "LANG=C", "timeout", "-k",
				Long.toString(REMOTE_GRACE.toSeconds()), Long.toString(seconds)));
		argv.addAll(command);
		return argv;
	}

	private void acquire(List<String> command) {
		try {
			if (!channels.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
				throw new CommandException(CommandException.Reason.BUSY,
						Explanation.of("hosts.command.noTurn", program(command), host.name().value(), timeout.toMillis()));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw interrupted(command);
		}
	}

	private CommandResult execute(List<String> command, String line, Duration allowed, long deadline) {
		ClientSession session = host.session();
		BoundedOutputStream stdout = new BoundedOutputStream(maxOutputBytes);
		BoundedOutputStream stderr = new BoundedOutputStream(maxOutputBytes);
		ChannelExec channel = null;
		try {
			channel = session.createExecChannel(line);
			channel.setUsePty(false);
			channel.setAgentForwarding(false);
			channel.setIn(new ByteArrayInputStream(new byte[0]));
			channel.setOut(stdout);
			channel.setErr(stderr);
			CompletableFuture<Void> closed = new CompletableFuture<>();
			channel.addCloseFutureListener(future -> closed.complete(null));
			open(channel, session, deadline);
			closed.get(remaining(deadline).toNanos(), TimeUnit.NANOSECONDS);
			Integer exitCode = channel.getExitStatus();
			if (exitCode == null) {
				throw ended(command, session, channel.getExitSignal());
			}
			host.contacted();
			return notFound(command, new CommandResult(exitCode, stdout.text(), stderr.text(),
					stdout.truncated() || stderr.truncated()));
		}
		catch (TimeoutException ex) {
			throw new CommandException(CommandException.Reason.TIMEOUT,
					Explanation.of("hosts.command.timeout", program(command), host.name().value(), allowed.toMillis()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw interrupted(command);
		}
		catch (IOException | ExecutionException ex) {
			Explanation problem = Explanation.of("hosts.command.broke", host.name().value(), program(command),
					String.valueOf(ex.getMessage()));
			host.lost(problem);
			throw new CommandException(CommandException.Reason.UNREACHABLE, problem);
		}
		finally {
			if (channel != null) {
				channel.close(true);
			}
		}
	}

	/** What {@code timeout} says when it cannot start the program: the local runner's "no such executable program". */
	private CommandResult notFound(List<String> command, CommandResult result) {
		if ((result.exitCode() == 126 || result.exitCode() == 127) && result.stderr().startsWith("timeout: ")) {
			throw new CommandException(CommandException.Reason.NOT_FOUND,
					Explanation.of("hosts.command.notFound", program(command), host.name().value(), result.message()));
		}
		return result;
	}

	/** A host that opens no channel in time is taken for gone: its session is dropped, the next command reconnects. */
	private void open(ChannelExec channel, ClientSession session, long deadline) {
		try {
			channel.open().verify(remaining(deadline));
		}
		catch (TimeoutException | IOException ex) {
			Explanation problem = Explanation.of("hosts.command.noChannel", host.name().value(), timeout.toMillis());
			host.lost(problem);
			session.close(true);
			throw new CommandException(CommandException.Reason.UNREACHABLE, problem);
		}
	}

	private CommandException ended(List<String> command, ClientSession session, String signal) {
		if (!session.isOpen()) {
			Explanation problem = Explanation.of("hosts.command.lost", host.name().value(), program(command));
			host.lost(problem);
			return new CommandException(CommandException.Reason.UNREACHABLE, problem);
		}
		return new CommandException(CommandException.Reason.START_FAILED, Explanation.of("hosts.command.noExitCode",
				program(command), host.name().value(), signal == null ? "-" : signal));
	}

	private CommandException interrupted(List<String> command) {
		return new CommandException(CommandException.Reason.INTERRUPTED,
				Explanation.of("hosts.command.interrupted", program(command), host.name().value()));
	}

	private static Duration remaining(long deadline) throws TimeoutException {
		long left = deadline - System.nanoTime();
		if (left <= 0) {
			throw new TimeoutException();
		}
		return Duration.ofNanos(left);
	}

	private static String program(List<String> command) {
		return SudoRefusal.programName(command);
	}

}
