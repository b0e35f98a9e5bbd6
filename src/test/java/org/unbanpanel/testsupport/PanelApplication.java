package org.unbanpanel.testsupport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.unbanpanel.UnbanPanelApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The whole panel against a private fail2ban-server: started as production starts it, for tests that stop and start
 * it again on the same data folder, or the settings of a {@code @SpringBootTest} that also uses a real PAM lockout.
 */
public final class PanelApplication {

	private PanelApplication() {
	}

	/**
	 * For a {@code @DynamicPropertySource}: a fresh data folder, the private fail2ban-server, faillock over the PAM
	 * lockout's records, and two users with the password, {@code alice} (ADMIN) and {@code noc} (OPERATOR). The
	 * suppliers are read once the test class has started both in its {@code @BeforeAll}.
	 */
	public static void settings(DynamicPropertyRegistry registry, Supplier<Fail2banServer> fail2ban,
			Supplier<PamLockout> pam, String password) {
		String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(password);
		registry.add("panel.fail2ban.command", () -> String.join(",", fail2ban.get().command()));
		registry.add("panel.data-dir",
				() -> Path.of("target", "flow-test-" + UUID.randomUUID()).toAbsolutePath().toString());
		registry.add("panel.accounts.backend", () -> "faillock");
		registry.add("panel.accounts.faillock.command", () -> "/usr/sbin/faillock");
		registry.add("panel.accounts.faillock.dir", () -> pam.get().tallyDir().toString());
		registry.add("panel.users[0].username", () -> "alice");
		registry.add("panel.users[0].password", () -> hash);
		registry.add("panel.users[0].role", () -> "ADMIN");
		registry.add("panel.users[1].username", () -> "noc");
		registry.add("panel.users[1].password", () -> hash);
		registry.add("panel.users[1].role", () -> "OPERATOR");
	}

	/**
	 * Starts the panel on a random port, with a 2 s command timeout and no account backend. Settings are passed as
	 * command-line arguments, which take precedence over application.yml.
	 */
	public static ConfigurableApplicationContext start(Fail2banServer server, Path dataDirectory) {
		List<String> arguments = new ArrayList<>(List.of("--panel.data-dir=" + dataDirectory,
				"--panel.commands.timeout=2s", "--panel.accounts.backend=none", "--server.port=0"));
		List<String> command = server.command();
		for (int i = 0; i < command.size(); i++) {
			arguments.add("--panel.fail2ban.command[" + i + "]=" + command.get(i));
		}
		return new SpringApplicationBuilder(UnbanPanelApplication.class).run(arguments.toArray(String[]::new));
	}

}
