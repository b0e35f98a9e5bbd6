/**
 * The account-lock adapters: the {@code AccountLocks} interface, faillock and pam_tally2 over the command runner,
 * pure parsers of their output, and the account locks of each host ({@code AccountLocksOnHosts}). Knows nothing of
 * the web, nor how a command reaches another host: a {@code hosts.Host} gives it the runner.
 */
@ApplicationModule(displayName = "PAM adapter", allowedDependencies = { "core", "exec", "hosts" })
package org.unbanpanel.pam;

import org.springframework.modulith.ApplicationModule;
