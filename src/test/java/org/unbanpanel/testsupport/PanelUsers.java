package org.unbanpanel.testsupport;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;

/** {@code panel.users} for a test's {@code @DynamicPropertySource}. */
public final class PanelUsers {

	private PanelUsers() {
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
