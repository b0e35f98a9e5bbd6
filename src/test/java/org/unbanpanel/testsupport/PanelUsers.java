package org.unbanpanel.testsupport;

import java.nio.file.Path;
import java.util.UUID;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Settings for a whole-application test's {@code @DynamicPropertySource}. */
public final class PanelUsers {

	private PanelUsers() {
	}

	/**
	 * A panel of its own data directory under {@code target/} and no tools: fail2ban-client is missing (every page
	 * shows the banner) and there is no account-lock backend. For tests of sign-in and web rules only.
	 */
	public static void withoutTools(DynamicPropertyRegistry registry, String name) {
		registry.add("panel.fail2ban.command", () -> "/nonexistent/fail2ban-client");
		registry.add("panel.accounts.backend", () -> "none");
		registry.add("panel.data-dir",
				() -> Path.of("target", name + "-" + UUID.randomUUID()).toAbsolutePath().toString());
	}

	/**
	 * Configures users that share one password, hashed with bcrypt at the lowest strength (fast, for tests).
	 * @param namesAndRoles each {@code name:ROLE}, for example {@code alice:ADMIN}
	 */
	public static void register(DynamicPropertyRegistry registry, String password, String... namesAndRoles) {
		String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(password);
		for (int i = 0; i < namesAndRoles.length; i++) {
			String[] user = namesAndRoles[i].split(":");
			registry.add("panel.users[" + i + "].username", () -> user[0]);
			registry.add("panel.users[" + i + "].password", () -> hash);
			registry.add("panel.users[" + i + "].role", () -> user[1]);
		}
	}

}
