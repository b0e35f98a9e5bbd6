package org.unbanpanel.audit;

import java.time.Instant;

/**
 * A recorded event, as {@link AuditEntry} describes it, with its id and time.
 */
public record AuditEvent(long id, Instant at, String username, String clientAddress, AuditAction action, Long jobId,
		String target, String detail, Long itemId, String jail, String requested, Integer failures,
		String errorCode, String host) {
}
