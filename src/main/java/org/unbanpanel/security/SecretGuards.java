package org.unbanpanel.security;

/** Makes {@link SecretGuard}s: one per page that takes a secret, each counting on its own. */
public interface SecretGuards {

	/**
	 * @param subject what the auth log names as the user of a wrong try, such as {@code release-link}; the secret
	 * itself is never written
	 */
	SecretGuard guard(String subject, SecretGuard.Limits limits);

}
