package org.unbanpanel.fail2ban;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class Fail2banPropertiesTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(WithProperties.class);

	@Test
	void runsFail2banClientFromThePathByDefault() {
		context.run(started -> assertThat(started.getBean(Fail2banProperties.class).command())
			.containsExactly("fail2ban-client"));
	}

	@Test
	void takesAPrefixSuchAsSudo() {
		context.withPropertyValues("panel.fail2ban.command=sudo,-n,/usr/bin/fail2ban-client")
			.run(started -> assertThat(started.getBean(Fail2banProperties.class).command())
				.isEqualTo(List.of("sudo", "-n", "/usr/bin/fail2ban-client")));
	}

	@Test
	void splitsUnbansIntoCallsOf250EntriesWith25MsMorePerEntry() {
		context.run(started -> {
			Fail2banProperties properties = started.getBean(Fail2banProperties.class);
			assertThat(properties.unbanBatch()).isEqualTo(250);
			assertThat(properties.unbanTimePerEntry()).isEqualTo(Duration.ofMillis(25));
		});
		context.withPropertyValues("panel.fail2ban.unban-batch=20000", "panel.fail2ban.unban-time-per-entry=0s")
			.run(started -> assertThat(started.getBean(Fail2banProperties.class).unbanBatch()).isEqualTo(20_000));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(Fail2banProperties.class)
	static class WithProperties {

	}

}
