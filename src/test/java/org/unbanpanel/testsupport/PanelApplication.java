package org.unbanpanel.testsupport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.unbanpanel.UnbanPanelApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole panel against a private fail2ban-server, started as production starts it, for tests that stop and start
 * it again on the same data folder; in this JVM, or in one of its own ({@link PanelProcess}).
 */
public final class PanelApplication {

	private PanelApplication() {
	}

	/**
	 * Starts the panel on a random port, with a 2 s command timeout, no account backend and unshared reads
	 * ({@link TestPanel#readsUnshared}). Settings are passed as command-line arguments, which take precedence over
	 * application.yml.
	 * @param settings more of them, such as {@code --panel.trust.check-interval=1s}
	 */
	public static ConfigurableApplicationContext start(Fail2banServer server, Path dataDirectory, String... settings) {
		return start(server.command(), dataDirectory, settings);
	}

	/** Like {@link #start(Fail2banServer, Path, String...)}, with another fail2ban-client command. */
	public static ConfigurableApplicationContext start(List<String> fail2banCommand, Path dataDirectory,
			String... settings) {
		return new SpringApplicationBuilder(UnbanPanelApplication.class)
			.run(arguments(fail2banCommand, dataDirectory, settings).toArray(String[]::new));
	}

	/** The command-line arguments of such a panel, with the given fail2ban-client command; a setting replaces a default. */
	static List<String> arguments(List<String> fail2banCommand, Path dataDirectory, String... settings) {
		List<String> arguments = new ArrayList<>();
		for (String standard : List.of("--panel.data-dir=" + dataDirectory, "--panel.commands.timeout=2s",
				"--panel.accounts.backend=none", "--server.port=0", "--management.server.port=0")) {
			String key = standard.substring(0, standard.indexOf('=') + 1);
			if (Arrays.stream(settings).noneMatch(setting -> setting.startsWith(key))) {
				arguments.add(standard);
			}
		}
		arguments.addAll(List.of(settings));
		arguments.addAll(TestPanel.readsUnsharedArguments(List.of(settings)));
		for (int i = 0; i < fail2banCommand.size(); i++) {
			arguments.add("--panel.fail2ban.command[" + i + "]=" + fail2banCommand.get(i));
		}
		return arguments;
	}

}
