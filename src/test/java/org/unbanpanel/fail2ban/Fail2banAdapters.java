package org.unbanpanel.fail2ban;

import java.util.Collection;
import java.util.List;

import org.unbanpanel.core.BanTarget;
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

	/** What releasing the targets names: every entry of their own or inside them, in every jail, once. */
	public static List<String> entriesToRelease(Fail2ban fail2ban, Collection<BanTarget> targets) {
		return fail2ban.whereBanned(targets)
			.values()
			.stream()
			.flatMap(List::stream)
			.filter(HeldBan::releasedWithTarget)
			.map(HeldBan::entry)
			.distinct()
			.toList();
	}

	/** The settings reader running {@code command} (as {@code panel.fail2ban.command}) through the runner. */
	public static JailSettings settingsOver(CommandRunner runner, List<String> command) {
		return new CommandJailSettings(runner, new Fail2banProperties(command));
	}

}
