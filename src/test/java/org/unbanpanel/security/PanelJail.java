package org.unbanpanel.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.unbanpanel.testsupport.Fail2banServer;

/**
 * The panel's own jail for one test class: a private fail2ban-server running the shipped {@code unban-panel} filter
 * and jail ({@code config/fail2ban/}) on a new auth log, which {@link #configurePanel} makes the panel write.
 */
final class PanelJail implements BeforeAllCallback, AfterAllCallback {

	static final String NAME = "unban-panel";

	private static final Path SHIPPED = Path.of("config/fail2ban");

	private final Path directory = Path.of("target", "panel-jail-" + UUID.randomUUID()).toAbsolutePath();

	private Fail2banServer fail2ban;

	@Override
	public void beforeAll(ExtensionContext context) throws IOException {
		Files.createDirectories(directory);
		Files.createFile(authLog());
		fail2ban = Fail2banServer.start(new Fail2banServer.ShippedJail(NAME,
				SHIPPED.resolve("filter.d/unban-panel.conf"), SHIPPED.resolve("jail.d/unban-panel.conf"), authLog()));
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (fail2ban != null) {
			fail2ban.close();
		}
	}

	/** The panel's data under this folder, its failed sign-ins into the jail's log. */
	void configurePanel(DynamicPropertyRegistry registry) {
		registry.add("panel.data-dir", directory.resolve("data")::toString);
		registry.add("panel.security.auth-log", authLog()::toString);
	}

	Path authLog() {
		return directory.resolve("auth.log");
	}

	Fail2banServer fail2ban() {
		return fail2ban;
	}

	List<String> authLogLines() {
		try {
			return Files.readAllLines(authLog());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** What the jail holds once it holds anything, or nothing after 20 s. */
	List<String> awaitBanned() throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		List<String> banned = fail2ban.bannedIn(NAME);
		while (banned.isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(200);
			banned = fail2ban.bannedIn(NAME);
		}
		return banned;
	}

}
