package org.unbanpanel.fail2ban;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the panel reaches fail2ban.
 *
 * @param command the program and leading arguments that run fail2ban-client; the fail2ban command words are
 * appended after {@code --}. Default {@code [fail2ban-client]}, found on the PATH, for a panel running as root. In
 * production, with a sudoers rule for the panel's user: {@code [sudo, -n, /usr/bin/fail2ban-client]}. The tests use
 * {@code [/usr/bin/fail2ban-client, -c, <confdir>, -s, <socket>]} against a private server.
 */
@ConfigurationProperties("panel.fail2ban")
record Fail2banProperties(@DefaultValue("fail2ban-client") List<String> command) {

	Fail2banProperties {
		if (command.isEmpty()) {
			throw new IllegalArgumentException("panel.fail2ban.command must name a program");
		}
		command = List.copyOf(command);
	}

}
