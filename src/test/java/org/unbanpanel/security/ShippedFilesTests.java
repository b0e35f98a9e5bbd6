package org.unbanpanel.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the repository ships: templates that need no {@code unsafe-inline} in the Content-Security-Policy, and no
 * credential in the sources, the example configuration or the image recipe.
 */
class ShippedFilesTests {

	private static final Pattern INLINE_CODE = Pattern
		.compile("<script(?![^>]*\\bsrc=)[^>]*>|<style\\b|\\sstyle=|\\son[a-z]+=|javascript:", Pattern.CASE_INSENSITIVE);

	/** A whole bcrypt hash (the example configuration's placeholder is not one), or a private key. */
	private static final Pattern CREDENTIAL = Pattern
		.compile("\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}|-----BEGIN [A-Z ]*PRIVATE KEY-----");

	@Test
	void templatesHaveNoInlineScriptStyleOrEventHandler() throws IOException {
		List<Path> templates = files(Path.of("src/main/resources/templates"));

		assertThat(templates).isNotEmpty();
		assertThat(templates).allSatisfy(template -> assertThat(INLINE_CODE.matcher(Files.readString(template)).find())
			.as("inline code in %s", template)
			.isFalse());
	}

	@Test
	void noCredentialInTheSourcesTheConfigurationOrTheImage() throws IOException {
		List<Path> shipped = Stream.of(files(Path.of("src/main")), files(Path.of("config")), List.of(Path.of("Dockerfile")))
			.flatMap(List::stream)
			.toList();

		assertThat(shipped).allSatisfy(file -> assertThat(CREDENTIAL.matcher(text(file)).find())
			.as("a credential in %s", file)
			.isFalse());
	}

	/** Any file as text, images included: ISO-8859-1 maps every byte to a character. */
	private static String text(Path file) throws IOException {
		return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
	}

	private static List<Path> files(Path root) throws IOException {
		try (Stream<Path> paths = Files.walk(root)) {
			return paths.filter(Files::isRegularFile).toList();
		}
	}

}
