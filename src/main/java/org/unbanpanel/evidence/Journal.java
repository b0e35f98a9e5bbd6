package org.unbanpanel.evidence;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.unbanpanel.core.InvalidValueException;
import org.unbanpanel.evidence.SourceProblem.Reason;
import org.unbanpanel.exec.CommandException;
import org.unbanpanel.exec.CommandResult;
import org.unbanpanel.exec.CommandRunner;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the journal entries of a {@code backend = systemd} jail: {@code journalctl} with the jail's
 * {@code journalmatch}, over the windows, keeping the entries whose message holds the address. It runs as the
 * panel's user, who reads the system journal as a member of the group {@code systemd-journal}; no sudo.
 * <p>
 * Each entry becomes a line {@code 2026-11-25T10:00:00Z host sshd[812]: message}, which {@link LineReader} reads
 * like a syslog line. Its fields come from the journal, so a message cannot pass itself off as another program.
 */
final class Journal {

	/** A journal match as fail2ban keeps it: {@code FIELD=value}, or {@code +} between alternatives. */
	private static final Pattern MATCH = Pattern.compile("\\+|[A-Z0-9_]+=[^\\p{Cntrl}]*");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** journalctl's words when the user may read no journal file, or only its own. */
	private static final List<String> NOT_PERMITTED = List.of("insufficient permissions",
			"not seeing messages from other users and the system");

	private final CommandRunner runner;

	private final List<String> command;

	private final Path directory;

	private final int maxLines;

	/**
	 * @param command the program, {@code [journalctl]}
	 * @param directory a journal directory to read instead of the system journal ({@code --directory}), or
	 * {@code null}
	 */
	Journal(CommandRunner runner, List<String> command, Path directory, int maxLines) {
		this.runner = runner;
		this.command = List.copyOf(command);
		this.directory = directory;
		this.maxLines = maxLines;
	}

	/** The label pages give the source: the matches as fail2ban prints them. */
	static String source(List<String> matches) {
		return "journal " + String.join(" ", matches);
	}

	/**
	 * @param matches the jail's journal match, as words: {@code [_SYSTEMD_UNIT=sshd.service, +, _COMM=sshd]}
	 * @param text the address, as it is written in messages (digits, hexadecimal digits, dots and colons)
	 */
	SourceLines read(List<String> matches, String text, List<Window> windows) {
		String source = source(matches);
		CommandResult result;
		try {
			result = runner.run(line(matches, text, windows));
		}
		catch (InvalidValueException ex) {
			return problem(source, Reason.FAILED, ex.getMessage());
		}
		catch (CommandException ex) {
			return problem(source, Reason.FAILED, ex.getMessage());
		}
		String stderr = result.stderr();
		if (NOT_PERMITTED.stream().anyMatch(stderr::contains)) {
			return problem(source, Reason.NOT_READABLE, "");
		}
		if (result.outputTruncated()) {
			return problem(source, Reason.TOO_LARGE, "");
		}
		// journalctl exits 1 when --grep finds nothing, saying nothing
		if (!result.succeeded() && !stderr.isBlank()) {
			return problem(source, directory != null && stderr.contains("No such file") ? Reason.GONE : Reason.FAILED,
					result.message());
		}
		return lines(result.stdout(), text, windows, maxLines);
	}

	private List<String> line(List<String> matches, String text, List<Window> windows) {
		matches.forEach(Journal::check);
		long from = windows.stream().mapToLong(Window::from).min().orElseThrow();
		long to = windows.stream().mapToLong(Window::to).max().orElseThrow();
		List<String> line = new ArrayList<>(command);
		line.addAll(List.of("--no-pager", "--quiet", "--output=json", "--since=@" + from, "--until=@" + (to + 1),
				"--grep=" + text.replace(".", "\\.")));
		if (directory != null) {
			line.add("--directory=" + directory);
		}
		line.addAll(matches);
		return line;
	}

	private static void check(String match) {
		if (!MATCH.matcher(match).matches()) {
			throw new InvalidValueException(match, "invalid.journalmatch", "is not a journal match (FIELD=value or +)");
		}
	}

	/** The entries of journalctl's JSON output (one object a line) in the windows whose message holds the text. */
	static SourceLines lines(String stdout, String text, List<Window> windows, int maxLines) {
		List<LogLine> lines = new ArrayList<>();
		int matching = 0;
		for (String entry : stdout.lines().filter(line -> !line.isBlank()).toList()) {
			LogLine line = line(entry);
			if (line != null && line.text().contains(text)
					&& windows.stream().anyMatch(window -> window.holds(line.epochSecond()))) {
				matching++;
				if (lines.size() < maxLines) {
					lines.add(line);
				}
			}
		}
		return new SourceLines(lines, matching, List.of());
	}

	private static LogLine line(String entry) {
		JsonNode fields;
		try {
			fields = JSON.readTree(entry);
		}
		catch (JacksonException ex) {
			return null;
		}
		long micros = fields.path("__REALTIME_TIMESTAMP").asLong(0);
		String identifier = text(fields, "SYSLOG_IDENTIFIER", text(fields, "_COMM", "?"));
		String pid = text(fields, "SYSLOG_PID", text(fields, "_PID", ""));
		String host = text(fields, "_HOSTNAME", "");
		String time = Instant.ofEpochSecond(micros / 1_000_000).atOffset(ZoneOffset.UTC).toString();
		String line = time + " " + (host.isEmpty() ? "" : host + " ") + identifier + (pid.isEmpty() ? "" : "[" + pid + "]")
				+ ": " + message(fields.path("MESSAGE"));
		return LogLine.of(line, new LogTime(ZoneOffset.UTC, Instant.ofEpochSecond(micros / 1_000_000))).orElse(null);
	}

	private static String text(JsonNode fields, String name, String otherwise) {
		JsonNode value = fields.path(name);
		return value.isString() ? value.asString() : otherwise;
	}

	/** A message is a string, or an array of bytes when it is not valid UTF-8 or holds control characters. */
	private static String message(JsonNode message) {
		if (message.isString()) {
			return message.asString();
		}
		if (message.isArray()) {
			byte[] bytes = new byte[message.size()];
			for (int i = 0; i < bytes.length; i++) {
				bytes[i] = (byte) message.get(i).asInt();
			}
			return new String(bytes, StandardCharsets.UTF_8);
		}
		return "";
	}

	private static SourceLines problem(String source, Reason reason, String detail) {
		return new SourceLines(List.of(), 0, List.of(new SourceProblem(source, reason, detail)));
	}

}
