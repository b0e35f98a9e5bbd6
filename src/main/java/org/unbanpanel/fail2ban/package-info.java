/**
 * The fail2ban-client adapter: the {@code Fail2ban} interface, its implementation over the command runner, pure
 * parsers of fail2ban's output, whether fail2ban answers ({@code Fail2banHealth}), and a {@code Fail2ban} per host
 * ({@code Fail2bans}). Knows nothing of the web, nor how a command reaches another host: a {@code hosts.Host} gives it
 * the runner.
 */
@ApplicationModule(displayName = "fail2ban adapter", allowedDependencies = { "core", "exec", "hosts" })
package org.unbanpanel.fail2ban;

import org.springframework.modulith.ApplicationModule;
