package org.unbanpanel.pam;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.unbanpanel.exec.CommandRunner;

/** Provides the one {@link AccountLocks} the panel uses, for the configured or detected backend. */
@Configuration(proxyBeanMethods = false)
class AccountLocksConfiguration {

	private static final Log logger = LogFactory.getLog(AccountLocksConfiguration.class);

	@Bean
	AccountLocks accountLocks(AccountsProperties properties, CommandRunner runner) {
		AccountLocks accountLocks = create(properties, ToolLocator.fromEnvironment(), runner);
		logger.info("Account locks are managed by: " + accountLocks.backend());
		return accountLocks;
	}

	static AccountLocks create(AccountsProperties properties, ToolLocator locator, CommandRunner runner) {
		return switch (backend(properties, locator)) {
			case FAILLOCK -> new FaillockAccounts(runner, properties.faillock().command(), properties.faillock().dir());
			case PAM_TALLY2 ->
				new PamTally2Accounts(runner, properties.pamTally2().command(), properties.pamTally2().file());
			case NONE, AUTO -> new NoAccountLocks();
		};
	}

	/** For {@code auto}: faillock when present (it replaced pam_tally2), else pam_tally2, else none. */
	static AccountsProperties.Backend backend(AccountsProperties properties, ToolLocator locator) {
		if (properties.backend() != AccountsProperties.Backend.AUTO) {
			return properties.backend();
		}
		if (locator.isInstalled(properties.faillock().command())) {
			return AccountsProperties.Backend.FAILLOCK;
		}
		if (locator.isInstalled(properties.pamTally2().command())) {
			return AccountsProperties.Backend.PAM_TALLY2;
		}
		return AccountsProperties.Backend.NONE;
	}

}
