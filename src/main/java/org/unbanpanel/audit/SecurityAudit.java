package org.unbanpanel.audit;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.unbanpanel.security.SecurityEvent;

/**
 * Keeps what the security module publishes: sign-ins, refused ones, and second-factor changes. Names are cut to the
 * trail's column; the security module has already encoded any control character in them.
 */
@Component
class SecurityAudit {

	static final int MAX_NAME = 100;

	static final String CUT = "[cut]";

	private final AuditTrail trail;

	SecurityAudit(AuditTrail trail) {
		this.trail = trail;
	}

	@EventListener
	void record(SecurityEvent event) {
		trail.record(new AuditEntry(cut(event.username()), event.clientAddress(), action(event.kind()), null, null,
				null));
	}

	private static AuditAction action(SecurityEvent.Kind kind) {
		return switch (kind) {
			case SIGNED_IN -> AuditAction.SIGNED_IN;
			case WRONG_PASSWORD -> AuditAction.WRONG_PASSWORD;
			case WRONG_CODE -> AuditAction.WRONG_CODE;
			case THROTTLED -> AuditAction.SIGN_IN_THROTTLED;
			case TOTP_ENROLLED -> AuditAction.TOTP_ENROLLED;
			case TOTP_REMOVED -> AuditAction.TOTP_REMOVED;
		};
	}

	private static String cut(String username) {
		return username.length() <= MAX_NAME ? username : username.substring(0, MAX_NAME - CUT.length()) + CUT;
	}

}
