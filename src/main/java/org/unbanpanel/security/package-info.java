/**
 * Sign-in, users and roles, security headers and the configuration; internals in {@code security.totp} (the TOTP
 * second factor) and {@code security.lockout} (the auth log for the panel's fail2ban jail, the throttle of repeated
 * failures). See SECURITY.md.
 */
@ApplicationModule(displayName = "Security")
package org.unbanpanel.security;

import org.springframework.modulith.ApplicationModule;
