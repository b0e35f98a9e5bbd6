/**
 * Why an address was banned, and how often: the evidence behind a ban read from the jail's own log files or journal
 * in fail2ban's window, with the panel user's own rights, and an address's ban history from fail2ban's own log and the
 * audit trail. Its API is {@link org.unbanpanel.evidence.EvidenceService} and the records it answers with; its pages
 * are {@code /evidence} and {@code /api/v1/evidence}.
 */
@ApplicationModule(displayName = "Evidence")
package org.unbanpanel.evidence;

import org.springframework.modulith.ApplicationModule;
