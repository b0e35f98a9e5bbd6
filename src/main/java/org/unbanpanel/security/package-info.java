/**
 * Sign-in, users and roles, the TOTP second factor, security headers, and the panel's own lockout (the auth log for
 * its fail2ban jail, the throttle of repeated failures). See SECURITY.md.
 */
@ApplicationModule(displayName = "Security")
package org.unbanpanel.security;

import org.springframework.modulith.ApplicationModule;
