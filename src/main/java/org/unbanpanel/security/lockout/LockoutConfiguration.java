package org.unbanpanel.security.lockout;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.unbanpanel.security.SecretGuards;
import org.unbanpanel.web.ClientAddress;
import org.unbanpanel.web.PanelProperties;

/**
 * The {@link SignInGuard} and what it is made of, and the {@link SecretGuards} made of the same parts. Imported by the security configuration, so controller tests get the
 * real throttle too; the clock falls back to the system's there.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LockoutProperties.class)
public class LockoutConfiguration {

	@Bean
	AuthFailureLog authFailureLog(LockoutProperties properties, PanelProperties panel, ObjectProvider<Clock> clock) {
		return new AuthFailureLog(properties, panel, clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	SignInGuard signInGuard(LockoutProperties properties, AuthFailureLog authLog, ClientAddress clientAddress,
			ApplicationEventPublisher events, ObjectProvider<Clock> clock) {
		return new SignInGuard(new LoginThrottle(properties.throttle(), clock.getIfAvailable(Clock::systemUTC)),
				authLog, new KnownDevices(), clientAddress, events, properties.throttle().ipv6Prefix());
	}

	/** Guards of pages that take a secret from anyone (release links), on the same auth log. */
	@Bean
	SecretGuards secretGuards(LockoutProperties properties, AuthFailureLog authLog, ObjectProvider<Clock> clock) {
		return new ThrottledSecrets(authLog, clock.getIfAvailable(Clock::systemUTC),
				properties.throttle().ipv6Prefix());
	}

}
