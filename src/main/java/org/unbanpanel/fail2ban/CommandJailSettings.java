package org.unbanpanel.fail2ban;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.Function;
import java.util.function.Supplier;

import org.unbanpanel.exec.CommandRunner;

/** {@link JailSettings} over fail2ban-client {@code get} commands, each of them read-only. */
class CommandJailSettings implements JailSettings {

	private final Fail2banClient client;

	private final ThreadPoolExecutor readers = Readers.pool("fail2ban-settings-reader");

	CommandJailSettings(CommandRunner runner, Fail2banProperties properties) {
		this.client = new Fail2banClient(runner, properties.command());
	}

	@Override
	public LogSources logSources(String jail) {
		List<String> files = get(jail, "logpath", SettingsOutput::logPaths);
		return new LogSources(files, files.isEmpty() ? get(jail, "journalmatch", SettingsOutput::journalMatch) : List.of());
	}

	@Override
	public Duration findTime(String jail) {
		return get(jail, "findtime", Fail2banOutput::seconds);
	}

	@Override
	public JailRules rules(String jail) {
		Fail2banClient.checkJail(jail);
		CompletableFuture<Integer> maxRetry = async(() -> get(jail, "maxretry", SettingsOutput::count));
		CompletableFuture<Duration> findTime = async(() -> findTime(jail));
		CompletableFuture<Duration> banTime = async(() -> get(jail, "bantime", Fail2banOutput::seconds));
		CompletableFuture<JailRules.Increment> increment = async(() -> increment(jail));
		CompletableFuture<LogSources> sources = async(() -> logSources(jail));
		CompletableFuture<List<String>> actions = async(() -> get(jail, "actions", SettingsOutput::actions));
		CompletableFuture<List<String>> ignoreIp = async(() -> get(jail, "ignoreip", output -> Fail2banOutput.ignoreList(output).entries()));
		return new JailRules(jail, Readers.join(maxRetry), Readers.join(findTime), Readers.join(banTime),
				Readers.join(increment), Readers.join(sources), Readers.join(actions), Readers.join(ignoreIp));
	}

	@Override
	public String logTarget() {
		return client.run(SettingsOutput::logTarget, List.of("get", "logtarget"));
	}

	/** {@code null} unless {@code bantime.increment} is on; then its factor, multipliers and maximum. */
	private JailRules.Increment increment(String jail) {
		if (!get(jail, "bantime.increment", SettingsOutput::flag)) {
			return null;
		}
		String maxTime = get(jail, "bantime.maxtime", SettingsOutput::optional);
		return new JailRules.Increment(get(jail, "bantime.factor", SettingsOutput::optional),
				get(jail, "bantime.multipliers", SettingsOutput::optional),
				maxTime == null ? null : Fail2banOutput.seconds(maxTime));
	}

	private <T> T get(String jail, String setting, Function<String, T> parser) {
		return client.run(parser, List.of("get", Fail2banClient.checkJail(jail), setting));
	}

	private <T> CompletableFuture<T> async(Supplier<T> read) {
		return CompletableFuture.supplyAsync(read, readers);
	}

}
