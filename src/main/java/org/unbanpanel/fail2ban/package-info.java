/**
 * The fail2ban-client adapter: the {@code Fail2ban} interface, its implementation over the command runner, pure
 * parsers of fail2ban's output, and whether fail2ban answers ({@code Fail2banHealth}). Knows nothing of the web.
 */
@ApplicationModule(displayName = "fail2ban adapter", allowedDependencies = { "core", "exec" })
package org.unbanpanel.fail2ban;

import org.springframework.modulith.ApplicationModule;
