/**
 * Unban and trust: addresses on fail2ban's ignore lists for a while, persisted and ended on time, the trust-width
 * rule ({@code TrustPolicy}), and the trusts page ({@code /trusts}, {@code /api/v1/trusts}).
 */
@ApplicationModule(displayName = "Trust")
package org.unbanpanel.trust;

import org.springframework.modulith.ApplicationModule;
