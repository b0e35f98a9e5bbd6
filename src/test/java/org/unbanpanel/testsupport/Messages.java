package org.unbanpanel.testsupport;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The panel's message bundles as files, so that a test expects a page's words in any of its languages without
 * writing them twice: {@code Messages.text("ca", "job.state.DONE")}.
 */
public final class Messages {

	public static final Path DIRECTORY = Path.of("src/main/resources/messages");

	private Messages() {
	}

	/** The bundles as the panel reads them: UTF-8, every message a MessageFormat pattern, no fallback to the system's. */
	public static MessageSource source() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages/messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setAlwaysUseMessageFormat(true);
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	/** One language's bundle: {@code en} (the base bundle), {@code es} or {@code ca}. */
	public static Properties bundle(String language) {
		String file = "en".equals(language) ? "messages.properties" : "messages_" + language + ".properties";
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(DIRECTORY.resolve(file), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

	/** A message as the panel writes it in that language (every message is a MessageFormat pattern). */
	public static String text(String language, String key, Object... arguments) {
		String pattern = bundle(language).getProperty(key);
		if (pattern == null) {
			throw new IllegalArgumentException("No message " + key + " in " + language);
		}
		return new MessageFormat(pattern, Locale.forLanguageTag(language)).format(arguments);
	}

}
