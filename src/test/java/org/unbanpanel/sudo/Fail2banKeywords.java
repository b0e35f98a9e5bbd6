package org.unbanpanel.sudo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.unbanpanel.testsupport.SystemTools;

/**
 * The words fail2ban reads as its own commands, settings and options, read from the installed package's source: the
 * literal words of every command in {@code protocol.py} (the table behind {@code fail2ban-client -h}), and every word
 * {@code server/transmitter.py} compares a command word with, which also names settings the table leaves out
 * ({@code allowipv6}, {@code thread}).
 */
final class Fail2banKeywords {

	static final Path PROTOCOL = Path.of("/usr/lib/python3/dist-packages/fail2ban/protocol.py");

	static final Path TRANSMITTER = Path.of("/usr/lib/python3/dist-packages/fail2ban/server/transmitter.py");

	/** One row of the table, the command first: {@code ["status <JAIL> [FLAVOR]", "gets the current status"],}. */
	private static final Pattern ROW = Pattern.compile("^\\[\\s*(?:\"([^\"]*)\"|'([^']*)')\\s*,", Pattern.MULTILINE);

	/** Letters a command may leave out: {@code stat[istic]s} is both {@code stats} and {@code statistics}. */
	private static final Pattern OPTIONAL_LETTERS = Pattern.compile("([a-z]+)\\[([a-z]+)\\]([a-z]*)");

	/** What stands between a command's words: blanks, {@code [--unban]}, {@code on|off}, {@code ['tail']}. */
	private static final Pattern SEPARATORS = Pattern.compile("[\\s\\[\\]'|]+");

	/** A literal word or option; placeholders are in angle brackets ({@code <JAIL>}) or upper case ({@code FLAVOR}). */
	private static final Pattern WORD = Pattern.compile("(--?)?[a-z][a-z0-9-]*");

	/** {@code name == "logtarget"}, {@code command[1] == "idle"}, {@code name in ("stats", "statistic")}. */
	private static final Pattern COMPARISON = Pattern.compile("==\\s*(\"[^\"]*\")|\\bin\\s*\\(([^)]*)\\)");

	private static final Pattern STRING = Pattern.compile("\"([^\"]*)\"");

	private Fail2banKeywords() {
	}

	/** The command words of the installed fail2ban's {@code protocol.py}; skipped (under CI: failed) without it. */
	static Set<String> ofInstalledProtocol() {
		return ofProtocol(installed(PROTOCOL));
	}

	/** The words the installed fail2ban's {@code transmitter.py} compares commands with. */
	static Set<String> ofInstalledTransmitter() {
		return ofTransmitter(installed(TRANSMITTER));
	}

	static Set<String> ofProtocol(String source) {
		Set<String> words = new TreeSet<>();
		Matcher row = ROW.matcher(source);
		while (row.find()) {
			String command = row.group(1) != null ? row.group(1) : row.group(2);
			String expanded = OPTIONAL_LETTERS.matcher(command).replaceAll("$1$3 $1$2$3");
			Stream.of(SEPARATORS.split(expanded)).filter(word -> WORD.matcher(word).matches()).forEach(words::add);
		}
		return words;
	}

	static Set<String> ofTransmitter(String source) {
		Set<String> words = new TreeSet<>();
		Matcher comparison = COMPARISON.matcher(source);
		while (comparison.find()) {
			Matcher string = STRING.matcher(comparison.group(1) != null ? comparison.group(1) : comparison.group(2));
			while (string.find()) {
				if (WORD.matcher(string.group(1)).matches()) {
					words.add(string.group(1));
				}
			}
		}
		return words;
	}

	private static String installed(Path file) {
		SystemTools.requireFile(file.toString(), "fail2ban");
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
