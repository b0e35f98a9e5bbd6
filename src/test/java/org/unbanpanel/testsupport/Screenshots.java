package org.unbanpanel.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Pictures of signed-in pages for the docs: the page's HTML as the signed-in {@link PanelBrowser} received it, with
 * the stylesheet inlined, rendered by headless Chromium into a PNG. Chromium cannot carry the session itself, so it
 * renders a saved copy; scripts are left out, which the pages do not need.
 */
public final class Screenshots {

	public static final String CHROMIUM = "/usr/bin/chromium";

	private static final Path STYLESHEET = Path.of("src/main/resources/static/css/panel.css");

	private Screenshots() {
	}

	/** Saves {@code page} as seen by {@code browser} to {@code png}, {@code width} pixels wide. */
	public static void capture(PanelBrowser browser, String page, Path png, int width, int height) {
		SystemTools.requireProgram(CHROMIUM, "chromium");
		try {
			String html = browser.get(page)
				.body()
				.replaceFirst("<link rel=\"stylesheet\" href=\"/css/panel.css\">",
						"<style>" + Files.readString(STYLESHEET) + "</style>")
				.replaceAll("<script[^>]*></script>", "")
				.replaceAll("<meta http-equiv=\"refresh\"[^>]*>", "");
			Path saved = Files.createDirectories(Path.of("target", "screenshots")).resolve(png.getFileName() + ".html");
			Files.writeString(saved, html);
			Files.createDirectories(png.toAbsolutePath().getParent());
			Path profile = Files.createTempDirectory("chromium-profile");
			run(List.of(CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--hide-scrollbars", "--user-data-dir=" + profile, "--window-size=" + width + "," + height,
					"--screenshot=" + png.toAbsolutePath(), saved.toUri().toString()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void run(List<String> command) throws IOException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		try {
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				process.destroyForcibly();
				throw new IllegalStateException("chromium could not take the screenshot: " + command);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
