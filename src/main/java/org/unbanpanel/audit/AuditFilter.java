package org.unbanpanel.audit;

import java.time.Instant;

/**
 * Which events to list; a {@code null} part does not filter.
 *
 * @param username exactly this user
 * @param target events whose value (address, network or account), or the value asked for when the event names a ban
 * inside or around it, contains this text, ignoring case
 * @param from events at or after this instant
 * @param until events before this instant
 */
public record AuditFilter(String username, String target, Instant from, Instant until) {

	/** Every event. */
	public static final AuditFilter NONE = new AuditFilter(null, null, null, null);

}
