package org.unbanpanel.pam;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a PAM service's configuration ({@code /etc/pam.d/<service>}, pam.d(5)): one rule per line,
 * {@code type control module-path arguments}, where the control may be a bracketed list holding blanks
 * ({@code [success=1 default=ignore]}), {@code #} starts a comment, a trailing backslash continues the line, and
 * {@code @include file} or the controls {@code include} and {@code substack} pull in another file's rules.
 */
final class PamStack {

	/** One rule. @param file the file it was read from, for the page to name */
	record Rule(String type, String control, String module, List<String> arguments, String file) {

		/** The module's file name, without the folder some stacks write it with. */
		String moduleName() {
			return module.substring(module.lastIndexOf('/') + 1);
		}

	}

	private static final int MAX_DEPTH = 16;

	private PamStack() {
	}

	/**
	 * The {@code auth} rules of the service in the order PAM runs them, included files expanded.
	 * @param files a file's text by its name (relative to /etc/pam.d, or absolute), empty when it does not exist
	 */
	static List<Rule> authRules(String service, Function<String, Optional<String>> files) {
		List<Rule> rules = new ArrayList<>();
		read(service, files, rules, 0);
		return rules;
	}

	private static void read(String file, Function<String, Optional<String>> files, List<Rule> rules, int depth) {
		if (depth > MAX_DEPTH) {
			return;
		}
		String text = files.apply(file).orElse("");
		for (String line : logicalLines(text)) {
			List<String> words = words(line);
			if (words.isEmpty()) {
				continue;
			}
			if (words.get(0).equals("@include") && words.size() > 1) {
				read(words.get(1), files, rules, depth + 1);
				continue;
			}
			if (words.size() < 3 || !words.get(0).replaceFirst("^-", "").equalsIgnoreCase("auth")) {
				continue;
			}
			String control = words.get(1);
			if (control.equals("include") || control.equals("substack")) {
				read(words.get(2), files, rules, depth + 1);
			}
			else {
				rules.add(new Rule("auth", control, words.get(2), List.copyOf(words.subList(3, words.size())), file));
			}
		}
	}

	/** The lines with comments removed and continued lines joined. */
	private static List<String> logicalLines(String text) {
		List<String> lines = new ArrayList<>();
		StringBuilder pending = new StringBuilder();
		for (String line : text.split("\n", -1)) {
			int comment = line.indexOf('#');
			String content = comment >= 0 ? line.substring(0, comment) : line;
			if (content.endsWith("\\")) {
				pending.append(content, 0, content.length() - 1).append(' ');
				continue;
			}
			lines.add(pending.append(content).toString());
			pending.setLength(0);
		}
		return lines;
	}

	/** Blank-separated words; a bracketed word keeps its blanks ({@code [success=1 default=ignore]}). */
	private static List<String> words(String line) {
		List<String> words = new ArrayList<>();
		int i = 0;
		while (i < line.length()) {
			if (Character.isWhitespace(line.charAt(i))) {
				i++;
				continue;
			}
			int end = i;
			if (line.charAt(i) == '[') {
				int close = line.indexOf(']', i);
				end = close < 0 ? line.length() : close + 1;
			}
			while (end < line.length() && !Character.isWhitespace(line.charAt(end))) {
				end++;
			}
			words.add(line.substring(i, end));
			i = end;
		}
		return words;
	}

}
