/**
 * The account-lock adapters: the {@code AccountLocks} interface, faillock and pam_tally2 over the command runner, and
 * pure parsers of their output. Knows nothing of the web.
 */
@ApplicationModule(displayName = "PAM adapter", allowedDependencies = { "core", "exec" })
package org.unbanpanel.pam;

import org.springframework.modulith.ApplicationModule;
