package org.unbanpanel.fail2ban;

import java.util.List;

import org.unbanpanel.exec.CommandRunner;

/**
 * The real {@link Fail2ban} and {@link JailSettings} adapters for integration tests in other packages, which cannot
 * reach their constructors.
 */
public final class Fail2banAdapters {

	private Fail2banAdapters() {
	}

	/** The adapter running {@code command} (as {@code panel.fail2ban.command}) through the runner. */
	public static Fail2ban over(CommandRunner runner, List<String> command) {
		return new CommandFail2ban(runner, new Fail2banProperties(command));
	}

	/** The settings reader running {@code command} (as {@code panel.fail2ban.command}) through the runner. */
	public static JailSettings settingsOver(CommandRunner runner, List<String> command) {
		return new CommandJailSettings(runner, new Fail2banProperties(command));
	}

}
