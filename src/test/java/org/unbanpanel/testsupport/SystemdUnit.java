package org.unbanpanel.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings of a systemd unit file, as far as the tests need them: each {@code Key=value} of the file in order
 * (a key may repeat), and the {@code [Service]} section's command line and environment split as systemd splits them
 * (blanks separate words; double quotes hold a word together).
 */
public final class SystemdUnit {

	/** The unit as the Debian package ships it. */
	public static final Path SHIPPED = Path.of("src/deb/unban-panel.service");

	private final List<Map.Entry<String, String>> settings;

	private SystemdUnit(List<Map.Entry<String, String>> settings) {
		this.settings = settings;
	}

	public static SystemdUnit read(Path file) {
		try {
			List<Map.Entry<String, String>> settings = new ArrayList<>();
			for (String line : Files.readAllLines(file)) {
				int equals = line.indexOf('=');
				if (!line.isBlank() && !line.startsWith("#") && !line.startsWith("[") && equals > 0) {
					settings.add(Map.entry(line.substring(0, equals).strip(), line.substring(equals + 1).strip()));
				}
			}
			return new SystemdUnit(settings);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every value of the key, in file order. */
	public List<String> all(String key) {
		return settings.stream().filter(setting -> setting.getKey().equals(key)).map(Map.Entry::getValue).toList();
	}

	/** The one value of the key; fails when it is missing. */
	public String get(String key) {
		List<String> values = all(key);
		if (values.isEmpty()) {
			throw new IllegalStateException("the unit has no " + key + "=");
		}
		return values.get(values.size() - 1);
	}

	public List<String> keys() {
		return settings.stream().map(Map.Entry::getKey).toList();
	}

	/** {@code ExecStart=} as the argument list systemd executes. */
	public List<String> execStart() {
		return words(get("ExecStart"));
	}

	/** The variables of every {@code Environment=} line. */
	public Map<String, String> environment() {
		Map<String, String> environment = new LinkedHashMap<>();
		for (String line : all("Environment")) {
			for (String assignment : words(line)) {
				int equals = assignment.indexOf('=');
				environment.put(assignment.substring(0, equals), assignment.substring(equals + 1));
			}
		}
		return environment;
	}

	/** The JVM options the unit gives the launcher, {@code JAVA_OPTS}, as separate arguments. */
	public List<String> jvmOptions() {
		return List.of(environment().getOrDefault("JAVA_OPTS", "").split("\\s+"));
	}

	private static List<String> words(String text) {
		List<String> words = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		boolean quoted = false;
		boolean inWord = false;
		for (char c : text.toCharArray()) {
			if (c == '"') {
				quoted = !quoted;
				inWord = true;
			}
			else if (Character.isWhitespace(c) && !quoted) {
				if (inWord) {
					words.add(word.toString());
					word.setLength(0);
					inWord = false;
				}
			}
			else {
				word.append(c);
				inWord = true;
			}
		}
		if (inWord) {
			words.add(word.toString());
		}
		return words;
	}

}
