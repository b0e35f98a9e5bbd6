package org.unbanpanel.web;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.attoparser.AbstractMarkupHandler;
import org.attoparser.MarkupParser;
import org.attoparser.ParseException;
import org.attoparser.config.ParseConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No word of a page is written in a template: every text node with a letter in it is replaced at rendering (it lies
 * inside an element with {@code th:text}, {@code th:utext}, {@code th:replace}, {@code th:insert} or {@code th:remove},
 * where it is only the designer's sample), and no {@code title}, {@code placeholder}, {@code alt} or
 * {@code aria-label} attribute is written as plain text. Scripts, styles and comments are not page text.
 */
class TemplateTextTests {

	private static final Set<String> REPLACING = Set.of("th:text", "th:utext", "th:replace", "th:insert", "th:remove");

	private static final Set<String> WORDED_ATTRIBUTES = Set.of("title", "placeholder", "alt", "aria-label");

	private static final Set<String> RAW = Set.of("script", "style");

	private static final Pattern LETTER = Pattern.compile("\\p{L}");

	@Test
	void everyWordOfEveryTemplateComesFromAMessage() {
		List<String> literals = new ArrayList<>();
		for (Path template : MessageBundlesTests.files(MessageBundlesTests.TEMPLATES,
				path -> path.toString().endsWith(".html"))) {
			literals.addAll(literals(template));
		}
		assertThat(literals).as("literal text in templates").isEmpty();
	}

	@Test
	void findsALiteralWordAndALiteralLabel() {
		assertThat(literals("<p>Hello</p>", "t")).hasSize(1);
		assertThat(literals("<button aria-label=\"Close\" th:text=\"#{x}\">x</button>", "t")).hasSize(1);
		assertThat(literals("<p th:text=\"#{x}\">Hello <b>there</b></p><p> · </p><input title=\"\">", "t")).isEmpty();
	}

	private static List<String> literals(Path template) {
		try {
			return literals(Files.readString(template), template.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> literals(String html, String name) {
		Finder finder = new Finder(name);
		try {
			new MarkupParser(ParseConfiguration.htmlConfiguration()).parse(new StringReader(html), finder);
		}
		catch (ParseException ex) {
			throw new IllegalStateException(name + " cannot be read", ex);
		}
		return finder.found;
	}

	/** Walks the markup with a stack of open elements, each marked when its content is replaced or raw. */
	private static final class Finder extends AbstractMarkupHandler {

		private final String template;

		private final List<String> found = new ArrayList<>();

		private final Deque<Boolean> replaced = new ArrayDeque<>();

		private String element;

		private boolean replacing;

		Finder(String template) {
			this.template = template;
		}

		@Override
		public void handleOpenElementStart(char[] buffer, int nameOffset, int nameLen, int line, int col) {
			start(new String(buffer, nameOffset, nameLen));
		}

		@Override
		public void handleStandaloneElementStart(char[] buffer, int nameOffset, int nameLen, boolean minimized,
				int line, int col) {
			start(new String(buffer, nameOffset, nameLen));
		}

		private void start(String name) {
			element = name;
			replacing = RAW.contains(name.toLowerCase());
		}

		@Override
		public void handleAttribute(char[] buffer, int nameOffset, int nameLen, int nameLine, int nameCol,
				int operatorOffset, int operatorLen, int operatorLine, int operatorCol, int valueContentOffset,
				int valueContentLen, int valueOuterOffset, int valueOuterLen, int valueLine, int valueCol) {
			String name = new String(buffer, nameOffset, nameLen);
			String value = new String(buffer, valueContentOffset, valueContentLen);
			if (REPLACING.contains(name)) {
				replacing = true;
			}
			if (WORDED_ATTRIBUTES.contains(name) && LETTER.matcher(value).find()) {
				found.add(template + ":" + nameLine + ": <" + element + " " + name + "=\"" + value + "\">");
			}
		}

		@Override
		public void handleOpenElementEnd(char[] buffer, int nameOffset, int nameLen, int line, int col) {
			replaced.push(replacing || insideReplaced());
		}

		@Override
		public void handleCloseElementEnd(char[] buffer, int nameOffset, int nameLen, int line, int col) {
			if (!replaced.isEmpty()) {
				replaced.pop();
			}
		}

		@Override
		public void handleAutoCloseElementEnd(char[] buffer, int nameOffset, int nameLen, int line, int col) {
			handleCloseElementEnd(buffer, nameOffset, nameLen, line, col);
		}

		@Override
		public void handleText(char[] buffer, int offset, int len, int line, int col) {
			String text = new String(buffer, offset, len).strip();
			if (!insideReplaced() && LETTER.matcher(text).find()) {
				found.add(template + ":" + line + ": " + text);
			}
		}

		private boolean insideReplaced() {
			return !replaced.isEmpty() && replaced.peek();
		}

	}

}
