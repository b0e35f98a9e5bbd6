package org.unbanpanel.security.lockout;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.unbanpanel.web.ClientAddress;
import org.unbanpanel.web.PanelProperties;

/**
 * The {@link SignInGuard} and what it is made of. Imported by the security configuration, so controller tests get the
 * real throttle too; the clock falls back to the system's there.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LockoutProperties.class)
public class LockoutConfiguration {

	@Bean
	SignInGuard signInGuard(LockoutProperties properties, PanelProperties panel, ClientAddress clientAddress,
			ApplicationEventPublisher events, ObjectProvider<Clock> clock) {
		Clock time = clock.getIfAvailable(Clock::systemUTC);
		return new SignInGuard(new LoginThrottle(properties.throttle(), time),
				new AuthFailureLog(properties, panel, time), new KnownDevices(), clientAddress, events,
				properties.throttle().ipv6Prefix());
	}

}
