package org.unbanpanel.jails;

import java.nio.file.Path;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.unbanpanel.testsupport.Fail2banServer;

/** The settings of a whole panel started by this package's tests: a private fail2ban-server and one user. */
final class PanelSettings {

	private PanelSettings() {
	}

	/**
	 * @param fail2ban the server, read when the panel starts (after {@code @BeforeAll})
	 * @param role {@code ADMIN} or {@code OPERATOR}
	 */
	static void register(DynamicPropertyRegistry registry, Supplier<Fail2banServer> fail2ban, String user,
			String password, String role) {
		registry.add("panel.fail2ban.command", () -> String.join(",", fail2ban.get().command()));
		registry.add("panel.data-dir",
				() -> Path.of("target", "jails-" + UUID.randomUUID()).toAbsolutePath().toString());
		registry.add("panel.users[0].username", () -> user);
		registry.add("panel.users[0].password", () -> "{bcrypt}" + new BCryptPasswordEncoder(4).encode(password));
		registry.add("panel.users[0].role", () -> role);
	}

}
