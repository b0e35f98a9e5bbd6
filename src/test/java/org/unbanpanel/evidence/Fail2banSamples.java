package org.unbanpanel.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.unbanpanel.testsupport.SystemTools;

/**
 * The real log lines Debian's fail2ban package ships for its filters' own tests, read where the package installs them
 * (never copied into this repository). Each line a filter must read is preceded by a comment such as
 * {@code # failJSON: { "time": "2005-02-25T14:34:10", "match": true , "host": "194.117.26.69", "user": "root" }}.
 */
final class Fail2banSamples {

	static final Path DIRECTORY = Path.of("/usr/lib/python3/dist-packages/fail2ban/tests/files/logs");

	private static final Pattern FAIL_JSON = Pattern.compile("^#\\s*failJSON:\\s*(\\{.*\\})\\s*$");

	/**
	 * One sample line and what fail2ban's test expects of it.
	 * @param expectation the failJSON comment before it, {@code null} for a line without one
	 */
	record Sample(String file, int lineNumber, String line, Expectation expectation) {

		@Override
		public String toString() {
			return file + ":" + lineNumber + " " + line;
		}

	}

	/** @param host the address fail2ban must find, {@code null} when it must find none; user likewise */
	record Expectation(boolean match, String host, String user, String time, String description) {

		/** fail2ban's own tests mark the lines crafted to fool a filter as "injecting". */
		boolean crafted() {
			return description != null && description.toLowerCase(java.util.Locale.ROOT).contains("inject");
		}

	}

	private Fail2banSamples() {
	}

	/** Every line of the named sample files that is not a comment; skips locally, fails under CI, without fail2ban. */
	static List<Sample> of(String... files) {
		SystemTools.requireFile(DIRECTORY.resolve(files[0]).toString(), "fail2ban");
		List<Sample> samples = new ArrayList<>();
		for (String file : files) {
			read(file, samples);
		}
		return samples;
	}

	private static void read(String file, List<Sample> samples) {
		List<String> lines;
		try {
			lines = Files.readAllLines(DIRECTORY.resolve(file), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Expectation pending = null;
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			Matcher json = FAIL_JSON.matcher(line);
			if (json.matches()) {
				pending = expectation(json.group(1));
			}
			else if (!line.startsWith("#") && !line.isBlank()) {
				samples.add(new Sample(file, i + 1, line, pending));
				pending = null;
			}
		}
	}

	private static Expectation expectation(String json) {
		return new Expectation(json.matches(".*\"match\"\\s*:\\s*true.*"), field(json, "host"), field(json, "user"),
				field(json, "time"),
				field(json, "desc"));
	}

	private static String field(String json, String name) {
		Matcher value = Pattern.compile("\"" + name + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
		return value.find() ? value.group(1) : null;
	}

}
