package org.unbanpanel.fail2ban;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.unbanpanel.exec.CommandRunner;

/**
 * The local machine's {@link SharedReads}, which give the panel's one {@link Fail2ban} and its {@link JailSettings}: both
 * read through the same shared reads, so that no page waits for a hung server's timeout and a Lookup asks for a jail's
 * settings only once in {@code panel.fail2ban.reads.settings-fresh-for}.
 */
@Configuration(proxyBeanMethods = false)
class Fail2banConfiguration {

	@Bean
	SharedReads localReads(CommandRunner runner, Fail2banProperties properties, ReadsProperties reads, Clock clock,
			ReadRuns runs) {
		return SharedReads.over(runner, properties, reads, clock, runs);
	}

	@Bean
	Fail2ban fail2ban(SharedReads localReads) {
		return localReads.fail2ban();
	}

	@Bean
	JailSettings jailSettings(SharedReads localReads) {
		return localReads.settings();
	}

}
