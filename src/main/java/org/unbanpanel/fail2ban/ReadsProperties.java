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
 */
@ConfigurationProperties("panel.fail2ban.reads")
record ReadsProperties(@DefaultValue("1s") Duration freshFor, @DefaultValue("500ms") Duration answerWithin) {

	ReadsProperties {
		if (freshFor.isNegative() || answerWithin.isNegative()) {
			throw new IllegalArgumentException("panel.fail2ban.reads.* must not be negative");
		}
	}

}
