package org.unbanpanel.fail2ban;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the panel shares its reads of fail2ban's state ({@link SharedReads}).
 *
 * @param freshFor how long a read answers repeats of itself, after fail2ban answered it, without asking fail2ban
 * again (default 1 s); every release through the panel (unban, addignoreip, delignoreip) ends it at once. {@code 0s}
 * shares only the reads under way
 * @param answerWithin how long a read waits for fail2ban before it answers with the last state fail2ban reported,
 * when fail2ban has answered nothing else meanwhile (default 500 ms): fail2ban is then hung, or busy with one long
 * read, and the pages say so. The read goes on in the background, within the command timeout
 * @param settingsFreshFor how long a read of a jail's settings (log paths or journal match, findtime, the rules page,
 * fail2ban's log target) answers repeats of itself (default 5 min): they change only when fail2ban reloads, which the
 * panel does not see, so a reload shows on Lookup's evidence and the rules pages within this time. A release through
 * the panel, or a change in the jail set the pages read, ends it at once. {@code 0s} shares only the reads under way
 */
@ConfigurationProperties("panel.fail2ban.reads")
record ReadsProperties(@DefaultValue("1s") Duration freshFor, @DefaultValue("500ms") Duration answerWithin,
		@DefaultValue("5m") Duration settingsFreshFor) {

	ReadsProperties {
		if (freshFor.isNegative() || answerWithin.isNegative() || settingsFreshFor.isNegative()) {
			throw new IllegalArgumentException("panel.fail2ban.reads.* must not be negative");
		}
	}

}
