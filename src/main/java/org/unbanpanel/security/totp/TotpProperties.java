package org.unbanpanel.security.totp;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The second factor: time-based one-time passwords (RFC 6238) from an authenticator app.
 *
 * @param requireTotp whether every {@code ADMIN} must enter a code after the password, enrolling at the first
 * sign-in if they have not yet (default {@code false}: TOTP is optional, per user, from the Account page)
 * @param totpReset users whose enrolment is deleted at start, for someone who lost their phone: they sign in with
 * the password alone (and, while TOTP is required, enrol again at once). Remove the entry once they have (default
 * none)
 * @param apiUsers users for scripts: they may use only the HTTP Basic API, which takes no code, and never sign in
 * to the pages; they need no TOTP even when it is required (default none)
 */
@ConfigurationProperties("panel.security")
record TotpProperties(@DefaultValue("false") boolean requireTotp, @DefaultValue List<String> totpReset,
		@DefaultValue List<String> apiUsers) {
}
