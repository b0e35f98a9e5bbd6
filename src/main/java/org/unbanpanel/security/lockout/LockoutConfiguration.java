package org.unbanpanel.security.lockout;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.unbanpanel.web.ClientAddress;

/**
 * Registers the {@link LoginThrottleFilter} just before Spring Security's filters, so a throttled attempt never
 * reaches the password check.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LockoutProperties.class)
@Import({ LoginThrottle.class, SignInEvents.class, AuthFailureLog.class })
public class LockoutConfiguration {

	@Bean
	FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(LoginThrottle throttle,
			ClientAddress clientAddress, MessageSource messages) {
		FilterRegistrationBean<LoginThrottleFilter> registration = new FilterRegistrationBean<>(
				new LoginThrottleFilter(throttle, clientAddress, messages));
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
		return registration;
	}

}
