package org.unbanpanel.watch;

import org.unbanpanel.jobs.Reban;

/**
 * Published in the transaction that records that fail2ban banned a watched address again; the event publication
 * registry keeps it until each listener (the notices) has handled it.
 */
public record BannedAgain(Reban reban) {
}
