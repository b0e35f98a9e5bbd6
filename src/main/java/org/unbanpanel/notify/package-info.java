/**
 * Notices: a re-ban of a watched address, a failed job, a release link used and fail2ban unreachable for too long, each stored first and
 * then sent by a worker of its own, with retries, to every webhook ({@code panel.notify.webhooks}, a signed JSON body)
 * and, when configured, by e-mail; the page {@code /notices} lists them with what came of each. A new kind of notice is
 * one listener method that calls {@code Notices.add} and one message {@code notice.kind.<kind>}.
 */
@ApplicationModule(displayName = "Notices")
package org.unbanpanel.notify;

import org.springframework.modulith.ApplicationModule;
