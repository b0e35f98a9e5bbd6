package org.unbanpanel.fail2ban;

import java.time.Clock;
import java.time.Duration;

/**
 * {@link JailSettings} that ask nothing while fail2ban is silent (its shared reads have waited past
 * {@code panel.fail2ban.reads.answer-within}): a settings read would otherwise wait for the command timeout, and with
 * it the evidence on Lookup and a jail's rules page. They fail at once, as a read fail2ban never answered does.
 */
final class SilentSettings implements JailSettings {

	private final JailSettings settings;

	private final Fail2ban fail2ban;

	private final Clock clock;

	SilentSettings(JailSettings settings, Fail2ban fail2ban, Clock clock) {
		this.settings = settings;
		this.fail2ban = fail2ban;
		this.clock = clock;
	}

	@Override
	public LogSources logSources(String jail) {
		refuseWhileSilent();
		return settings.logSources(jail);
	}

	@Override
	public Duration findTime(String jail) {
		refuseWhileSilent();
		return settings.findTime(jail);
	}

	@Override
	public JailRules rules(String jail) {
		refuseWhileSilent();
		return settings.rules(jail);
	}

	@Override
	public String logTarget() {
		refuseWhileSilent();
		return settings.logTarget();
	}

	private void refuseWhileSilent() {
		fail2ban.notAnsweringSince().ifPresent(since -> {
			throw SharedReads.silentFor(Duration.between(since, clock.instant()));
		});
	}

}
