package org.unbanpanel.audit;

/**
 * An event to record; the trail adds the time.
 * @param username who acted, or on whose behalf the worker acted
 * @param clientAddress the address that user connected from
 * @param jobId the job concerned, or {@code null}
 * @param target the address, network or account name concerned (for a released ban, its entry as fail2ban held
 * it), or {@code null}
 * @param detail the tool's own message, or for older entries jails, a failure count or an error message as text, or
 * {@code null}
 * @param itemId the job line concerned, or {@code null}
 * @param jail the jail of a released ban, or of a network that still blocks a value, or {@code null}
 * @param requested the value asked for, when the entry names a ban inside it or a network around it, or {@code null}
 * @param failures the failed logins cleared, or {@code null}
 * @param errorCode why a value could not be unblocked (the codes of the jobs module's {@code Failure}), or
 * {@code null}
 * @param host the host of the fleet the job line is for ({@code local} for the machine the panel runs on), or
 * {@code null} for an entry about no job line
 */
public record AuditEntry(String username, String clientAddress, AuditAction action, Long jobId, String target,
		String detail, Long itemId, String jail, String requested, Integer failures, String errorCode, String host) {

	/** An entry about no job line: a sign-in, a trust. */
	public AuditEntry(String username, String clientAddress, AuditAction action, Long jobId, String target,
			String detail) {
		this(username, clientAddress, action, jobId, target, detail, null, null, null, null, null, null);
	}

}
