package org.unbanpanel.fail2ban;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.unbanpanel.exec.CommandRunner;

/**
 * The panel's one {@link Fail2ban}: the fail2ban-client adapter behind {@link SharedReads}; and its {@link JailSettings},
 * which refuse at once while those reads find fail2ban silent, so that no page waits for a hung server's timeout.
 */
@Configuration(proxyBeanMethods = false)
class Fail2banConfiguration {

	@Bean
	Fail2ban fail2ban(CommandRunner runner, Fail2banProperties properties, ReadsProperties reads, Clock clock) {
		return new SharedReads(new CommandFail2ban(runner, properties), reads, clock);
	}

	@Bean
	JailSettings jailSettings(CommandRunner runner, Fail2banProperties properties, Fail2ban fail2ban, Clock clock) {
		return new SilentSettings(new CommandJailSettings(runner, properties), fail2ban, clock);
	}

}
