/**
 * The locked-accounts page ({@code /accounts}, {@code /api/v1/accounts}), a section per host, each host's reset queued
 * through the jobs module.
 */
@ApplicationModule(displayName = "Accounts")
package org.unbanpanel.accounts;

import org.springframework.modulith.ApplicationModule;
