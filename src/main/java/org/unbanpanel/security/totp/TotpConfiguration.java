package org.unbanpanel.security.totp;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.unbanpanel.security.lockout.SignInGuard;

/**
 * The second factor's parts that the sign-in rules need ({@link SecondFactor}, {@link SecondStep}). Imported by the
 * security configuration, so controller tests get them too; the clock falls back to the system's there.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TotpProperties.class)
public class TotpConfiguration {

	@Bean
	SecondFactor secondFactor(TotpEnrolments enrolments, TotpProperties properties, ObjectProvider<Clock> clock) {
		return new SecondFactor(enrolments, properties, clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	SecondStep secondStep(SecondFactor secondFactor, SignInGuard guard, ObjectProvider<Clock> clock) {
		return new SecondStep(secondFactor, guard, clock.getIfAvailable(Clock::systemUTC));
	}

}
