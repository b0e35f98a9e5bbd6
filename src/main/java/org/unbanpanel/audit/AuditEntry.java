package org.unbanpanel.audit;

/**
 * An event to record; the trail adds the time.
 * @param username who acted, or on whose behalf the worker acted
 * @param clientAddress the address that user connected from
 * @param jobId the job concerned, or {@code null}
 * @param target the address, network or account name concerned, or {@code null}
 * @param detail jails, a failure count or an error message, or {@code null}
 */
public record AuditEntry(String username, String clientAddress, AuditAction action, Long jobId, String target,
		String detail) {
}
