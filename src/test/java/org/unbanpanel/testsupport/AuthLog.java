package org.unbanpanel.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;

/** A panel's auth log ({@code panel.security.auth-log}) in a new folder under {@code target/}, and its lines. */
public final class AuthLog {

	private final Path file = Path.of("target", "auth-log-" + UUID.randomUUID(), "auth.log").toAbsolutePath();

	public void configurePanel(DynamicPropertyRegistry registry) {
		registry.add("panel.security.auth-log", file::toString);
	}

	/** The lines for this user name (as the log encodes it) and client address. */
	public List<String> lines(String username, String address) {
		String suffix = " unban-panel: authentication failure for user=" + username + " from=" + address;
		try {
			return Files.readAllLines(file).stream().filter(line -> line.endsWith(suffix)).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
