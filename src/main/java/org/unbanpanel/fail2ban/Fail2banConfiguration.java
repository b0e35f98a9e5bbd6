package org.unbanpanel.fail2ban;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.unbanpanel.exec.CommandRunner;

/**
 * The panel's one {@link Fail2ban}: the fail2ban-client adapter behind {@link SharedReads}; and its {@link JailSettings},
 * read through the same shared reads, so that no page waits for a hung server's timeout and a Lookup asks for a jail's
 * settings only once in {@code panel.fail2ban.reads.settings-fresh-for}.
 */
@Configuration(proxyBeanMethods = false)
class Fail2banConfiguration {

	@Bean
	Fail2ban fail2ban(CommandRunner runner, Fail2banProperties properties, ReadsProperties reads, Clock clock) {
		return new SharedReads(new CommandFail2ban(runner, properties), reads, clock);
	}

	/** Unshared only where a test replaced the {@link Fail2ban} bean, so there are no shared reads to go through. */
	@Bean
	JailSettings jailSettings(CommandRunner runner, Fail2banProperties properties, Fail2ban fail2ban) {
		JailSettings commands = new CommandJailSettings(runner, properties);
		return fail2ban instanceof SharedReads shared ? shared.settings(commands) : commands;
	}

}
