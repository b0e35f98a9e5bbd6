package org.unbanpanel.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.unbanpanel.exec.CommandRunner;
import org.unbanpanel.hosts.HostName;
import org.unbanpanel.hosts.RemoteRunnerWrapper;

/**
 * Puts {@link MeteredCommandRunner} around the panel's one {@link CommandRunner} (host {@code local}) and around each
 * remote host's runner, so every adapter's runs count, on every host.
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

	/** Static, as every bean post-processor; the registry is looked up only when the runner is wrapped. */
	@Bean
	static BeanPostProcessor meteredCommandRunner(ObjectProvider<MeterRegistry> registry) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				return bean instanceof CommandRunner runner
						? new MeteredCommandRunner(runner, HostName.LOCAL, registry.getObject()) : bean;
			}
		};
	}

	@Bean
	RemoteRunnerWrapper meteredRemoteRunners(MeterRegistry registry) {
		return (host, runner) -> new MeteredCommandRunner(runner, host, registry);
	}

}
