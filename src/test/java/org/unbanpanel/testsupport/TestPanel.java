package org.unbanpanel.testsupport;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Settings for a whole panel, as {@link PanelOnRealTools} and {@link PanelWithoutTools} give them: the private
 * fail2ban-server, faillock over a private tally directory, a fresh data directory under {@code target/}, and
 * signed-in users. The tools are given as suppliers because they start after the settings are made.
 */
public final class TestPanel {

	/** The password of every user {@link #users} adds. */
	public static final String PASSWORD = "correct horse battery staple";

	/** Settings of {@link #readsUnshared}. */
	private static final Map<String, String> UNSHARED_READS = Map.of("panel.fail2ban.reads.fresh-for", "0s",
			"panel.fail2ban.reads.settings-fresh-for", "0s", "panel.fail2ban.reads.answer-within", "1m");

	private TestPanel() {
	}

	public static void useTools(DynamicPropertyRegistry registry, Supplier<Fail2banServer> fail2ban,
			Supplier<Path> faillockDir) {
		useFail2ban(registry, fail2ban);
		registry.add("panel.accounts.backend", () -> "faillock");
		registry.add("panel.accounts.faillock.command", () -> "/usr/sbin/faillock");
		registry.add("panel.accounts.faillock.dir", () -> faillockDir.get().toString());
	}

	/**
	 * A panel with a data directory of its own and no tools: fail2ban-client is missing (every page shows the banner)
	 * and there is no account-lock backend. For tests of sign-in and web rules only.
	 */
	static void withoutTools(DynamicPropertyRegistry registry) {
		String dataDir = freshDataDir();
		registry.add("panel.fail2ban.command", () -> "/nonexistent/fail2ban-client");
		registry.add("panel.accounts.backend", () -> "none");
		registry.add("panel.data-dir", () -> dataDir);
	}

	/**
	 * Makes the test the panel's trusted reverse proxy, so that each request may name its client address in
	 * {@code X-Forwarded-For}: tests of per-address rules choose their own addresses.
	 */
	static void behindTestProxy(DynamicPropertyRegistry registry) {
		registry.add("panel.trusted-proxies", () -> "127.0.0.1,::1");
	}

	/** The private fail2ban-server and a fresh data directory, without account locks. */
	public static void useFail2ban(DynamicPropertyRegistry registry, Supplier<Fail2banServer> fail2ban) {
		String dataDir = freshDataDir();
		registry.add("panel.fail2ban.command", () -> String.join(",", fail2ban.get().command()));
		registry.add("panel.data-dir", () -> dataDir);
	}

	/**
	 * The panel's reads of fail2ban without their caches and without the last known state, unless {@code settings}
	 * (a test class's own, {@code key=value}) set them: the tests change fail2ban behind the panel's back, through the
	 * harness, and read it again at once, which a panel in production cannot see for up to
	 * {@code panel.fail2ban.reads.fresh-for}; and on a busy machine a read may take longer than
	 * {@code panel.fail2ban.reads.answer-within}. The tests of the shared reads set their own.
	 */
	public static void readsUnshared(DynamicPropertyRegistry registry, List<String> settings) {
		UNSHARED_READS.forEach((key, value) -> {
			if (settings.stream().noneMatch(setting -> setting.startsWith(key + "="))) {
				registry.add(key, () -> value);
			}
		});
	}

	/** {@link #readsUnshared} as command-line arguments, for {@link PanelApplication}. */
	static List<String> readsUnsharedArguments(List<String> settings) {
		return UNSHARED_READS.entrySet()
			.stream()
			.filter(entry -> settings.stream().noneMatch(setting -> setting.startsWith("--" + entry.getKey() + "=")))
			.map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
			.toList();
	}

	/**
	 * Configures {@code panel.users}, all with {@link #PASSWORD}.
	 * @param namesAndRoles a user name, its role ({@code ADMIN} or {@code OPERATOR}), the next name, its role, …
	 */
	public static void users(DynamicPropertyRegistry registry, String... namesAndRoles) {
		userSettings(namesAndRoles).forEach((key, value) -> registry.add(key, () -> value));
	}

	/** Like {@link #users(DynamicPropertyRegistry, String...)}, as command-line arguments of a panel's JVM. */
	public static List<String> userArguments(String... namesAndRoles) {
		return userSettings(namesAndRoles).entrySet()
			.stream()
			.map(setting -> "--" + setting.getKey() + "=" + setting.getValue())
			.toList();
	}

	private static Map<String, String> userSettings(String... namesAndRoles) {
		String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);
		Map<String, String> settings = new LinkedHashMap<>();
		for (int i = 0; i < namesAndRoles.length / 2; i++) {
			String user = "panel.users[" + i + "].";
			settings.put(user + "username", namesAndRoles[2 * i]);
			settings.put(user + "password", hash);
			settings.put(user + "role", namesAndRoles[2 * i + 1]);
		}
		return settings;
	}

	private static String freshDataDir() {
		return Path.of("target", "panel-test-" + UUID.randomUUID()).toAbsolutePath().toString();
	}

}
