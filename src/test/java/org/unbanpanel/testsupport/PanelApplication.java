package org.unbanpanel.testsupport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.unbanpanel.UnbanPanelApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole panel against a private fail2ban-server, started as production starts it, for tests that stop and start
 * it again on the same data folder.
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
		List<String> arguments = new ArrayList<>(List.of("--panel.data-dir=" + dataDirectory,
				"--panel.commands.timeout=2s", "--panel.accounts.backend=none", "--server.port=0",
				"--management.server.port=0"));
		arguments.addAll(List.of(settings));
		arguments.addAll(TestPanel.readsUnsharedArguments(List.of(settings)));
		List<String> command = server.command();
		for (int i = 0; i < command.size(); i++) {
			arguments.add("--panel.fail2ban.command[" + i + "]=" + command.get(i));
		}
		return new SpringApplicationBuilder(UnbanPanelApplication.class).run(arguments.toArray(String[]::new));
	}

}
