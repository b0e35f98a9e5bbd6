package org.unbanpanel.fail2ban;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.unbanpanel.core.Explanation;
import org.unbanpanel.core.InvalidValueException;
import org.unbanpanel.core.JailName;
import org.unbanpanel.exec.CommandException;
import org.unbanpanel.exec.CommandResult;
import org.unbanpanel.exec.CommandRunner;

/**
 * One fail2ban-client run: checks every word, runs {@code <command> -- <words>} through the {@link CommandRunner}
 * and turns every way it can fail into a {@link Fail2banException} with a message a person can act on.
 */
final class Fail2banClient {

	/** The only words starting with '-' that may reach fail2ban-client, and only as the adapter writes them. */
	private static final Set<String> OPTIONS = Set.of("--with-time");

	/** Command words, jail names and addresses: nothing a shell, getopt or fail2ban could read as something else. */
	private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_.:/][A-Za-z0-9_.:/-]*");

	/**
	 * fail2ban-client logs its errors on stderr as {@code 2026-11-25 11:06:46,306 fail2ban [6265]: ERROR   text};
	 * warnings and anything else there (a Python traceback) are not for the person at the panel.
	 */
	private static final Pattern LOGGED_ERROR = Pattern
		.compile("^\\d{4}-\\d\\d-\\d\\d \\S+ \\S+\\s+\\[\\d+\\]: ERROR\\s+(.*)$");

	private static final Pattern NO_SOCKET = Pattern
		.compile("Failed to access socket path: (.*)\\. Is fail2ban running\\?");

	/** A socket file without a server behind it: {@code [[Errno 111] Connection refused] Unable to contact server.} */
	private static final Pattern NO_SERVER = Pattern.compile("\\[Errno \\d+\\] ([^\\]]+)\\] Unable to contact server");

	private final CommandRunner runner;

	private final List<String> command;

	Fail2banClient(CommandRunner runner, List<String> command) {
		this.runner = runner;
		this.command = List.copyOf(command);
	}

	/**
	 * Runs fail2ban-client with the given words and reads its stdout.
	 * @throws InvalidValueException when a word could be taken for an option or is not plain, before anything runs
	 * @throws Fail2banException when fail2ban cannot be reached, refuses, or prints what the parser cannot read
	 */
	<T> T run(Function<String, T> parser, List<String> words) {
		return run(parser, words, Duration.ZERO);
	}

	/** Like {@link #run(Function, List)}, for a call whose work grows with its words: given {@code extraTime} more. */
	<T> T run(Function<String, T> parser, List<String> words, Duration extraTime) {
		words.forEach(Fail2banClient::checkWord);
		List<String> line = new ArrayList<>(command);
		// getopt stops at "--": whatever follows is a command word for the server, never a client option
		line.add("--");
		line.addAll(words);
		String stdout = stdout(line, extraTime);
		try {
			return parser.apply(stdout);
		}
		catch (IllegalArgumentException ex) {
			throw new Fail2banException(Fail2banException.Reason.REFUSED,
					Explanation.of("fail2ban.unreadable", ex.getMessage()), ex);
		}
	}

	/** A jail name as fail2ban-client takes it; refused before any command is built. */
	static String checkJail(String jail) {
		return JailName.parse(jail);
	}

	private static void checkWord(String word) {
		if (!OPTIONS.contains(word) && !PLAIN_WORD.matcher(word).matches()) {
			throw new InvalidValueException(word, "invalid.argument",
					"cannot be passed to fail2ban-client: it looks like an option or holds unexpected characters");
		}
	}

	private String stdout(List<String> line, Duration extraTime) {
		CommandResult result;
		try {
			result = extraTime.isZero() ? runner.run(line) : runner.run(line, extraTime);
		}
		catch (CommandException ex) {
			throw notRun(ex);
		}
		if (!result.succeeded()) {
			throw failure(result);
		}
		return result.stdout();
	}

	private static Fail2banException notRun(CommandException ex) {
		if (ex.reason() == CommandException.Reason.TIMEOUT || ex.reason() == CommandException.Reason.BUSY) {
			return new Fail2banException(Fail2banException.Reason.UNREACHABLE,
					Explanation.of("fail2ban.hung", ex.explanation()), ex);
		}
		if (ex.reason() == CommandException.Reason.INTERRUPTED || ex.reason() == CommandException.Reason.UNREACHABLE) {
			// unreachable for now: a queued job stays queued and runs after the restart, or once its host answers
			return new Fail2banException(Fail2banException.Reason.UNREACHABLE, ex.explanation(), ex);
		}
		return new Fail2banException(Fail2banException.Reason.NOT_RUNNABLE, ex.explanation(), ex);
	}

	/** fail2ban-client exits 255 for every failure: its stderr says whether the server is down or refused. */
	private static Fail2banException failure(CommandResult result) {
		List<String> errors = loggedErrors(result.stderr());
		for (String error : errors) {
			Matcher noSocket = NO_SOCKET.matcher(error);
			if (noSocket.find()) {
				return new Fail2banException(Fail2banException.Reason.UNREACHABLE,
						Explanation.of("fail2ban.noSocket", noSocket.group(1)));
			}
			Matcher noServer = NO_SERVER.matcher(error);
			if (noServer.find()) {
				return new Fail2banException(Fail2banException.Reason.UNREACHABLE,
						Explanation.of("fail2ban.noServer", noServer.group(1)));
			}
			if (error.startsWith("Permission denied to socket")) {
				return new Fail2banException(Fail2banException.Reason.NOT_RUNNABLE,
						Explanation.of("fail2ban.socketDenied", error));
			}
		}
		Object answer = firstLine(result.stdout()).or(() -> errors.stream().findFirst().map(Fail2banClient::unwrapNok))
			.<Object>map(text -> text)
			.orElse(Explanation.of("fail2ban.exitCode", result.exitCode()));
		return new Fail2banException(Fail2banException.Reason.REFUSED, Explanation.of("fail2ban.refused", answer));
	}

	/** The server's error as the client logs it, {@code NOK: ("not banned: ['1.1.1.1']",)}: the tuple's text. */
	private static String unwrapNok(String error) {
		if (!error.startsWith("NOK: ")) {
			return error;
		}
		try {
			return PythonLiteral.parse(error.substring(5)) instanceof List<?> arguments && !arguments.isEmpty()
					? arguments.stream().map(String::valueOf).collect(Collectors.joining(", ")) : error;
		}
		catch (IllegalArgumentException ex) {
			return error;
		}
	}

	private static List<String> loggedErrors(String stderr) {
		return stderr.lines()
			.map(String::strip)
			.map(LOGGED_ERROR::matcher)
			.filter(Matcher::matches)
			.map(logged -> logged.group(1).strip())
			.toList();
	}

	private static Optional<String> firstLine(String text) {
		return text.lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst();
	}

}
