package org.unbanpanel.evidence;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of a log, decoded.
 * @param epochSecond when it was written, from its time stamp
 * @param text the whole line, as written
 * @param body what the line says after its time stamp, in the traditional syslog shape
 * {@code host program[pid]: message} when it came as an RFC 5424 message
 */
record LogLine(long epochSecond, String text, String body) {

	/** RFC 5424's header after the stamp: host, application, process id, message id, structured data. */
	private static final Pattern RFC5424_HEADER = Pattern
		.compile("(\\S+) (\\S+) (\\S+) \\S+ (?:-|(?:\\[(?:[^\\]\"\\\\]|\"(?:[^\"\\\\]|\\\\.)*\")*\\])+) ?");

	/** The line with its stamp read by {@code times}; empty when it has none. */
	static Optional<LogLine> of(String text, LogTime times) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		LogTime.Stamp stamp = times.read(bytes, 0, bytes.length);
		if (stamp == null) {
			return Optional.empty();
		}
		// a stamp is ASCII, so its byte length is its length in characters
		int body = stamp.end();
		while (body < text.length() && text.charAt(body) == ' ') {
			body++;
		}
		String rest = text.substring(body);
		return Optional.of(new LogLine(stamp.epochSecond(), text, stamp.rfc5424() ? traditional(rest) : rest));
	}

	private static String traditional(String header) {
		Matcher fields = RFC5424_HEADER.matcher(header);
		if (!fields.lookingAt()) {
			return header;
		}
		String process = "-".equals(fields.group(3)) ? "" : "[" + fields.group(3) + "]";
		return fields.group(1) + " " + fields.group(2) + process + ": " + header.substring(fields.end());
	}

	/** What the line says; empty when it is not a line of a service the panel reads. */
	Optional<Reading> reading() {
		return LineReader.read(body);
	}

}
