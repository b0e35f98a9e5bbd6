package org.unbanpanel.fail2ban;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.unbanpanel.exec.CommandRunner;

/** The panel's one {@link Fail2ban}: the fail2ban-client adapter behind {@link SharedReads}. */
@Configuration(proxyBeanMethods = false)
class Fail2banConfiguration {

	@Bean
	Fail2ban fail2ban(CommandRunner runner, Fail2banProperties properties, ReadsProperties reads, Clock clock) {
		return new SharedReads(new CommandFail2ban(runner, properties), reads, clock);
	}

}
