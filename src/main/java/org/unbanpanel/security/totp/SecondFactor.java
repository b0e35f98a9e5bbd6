package org.unbanpanel.security.totp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.unbanpanel.security.Role;

/**
 * Who needs a code after the password, and whether a code is right. A code of the current 30-second step, or of the
 * one before or after it (a phone's clock drifts, people type slowly), is accepted once: afterwards that step and
 * every earlier one are used up.
 */
public class SecondFactor {

	static final String ADMIN_AUTHORITY = "ROLE_" + Role.ADMIN.name();

	private static final Pattern CODE = Pattern.compile("[0-9]{" + Totp.DIGITS + "}");

	private final TotpEnrolments enrolments;

	private final TotpProperties properties;

	private final Clock clock;

	SecondFactor(TotpEnrolments enrolments, TotpProperties properties, Clock clock) {
		this.enrolments = enrolments;
		this.properties = properties;
		this.clock = clock;
	}

	/** Whether the password alone is not enough for this user: they have enrolled, or TOTP is required of them. */
	public boolean required(Authentication user) {
		return enrolled(user.getName()) || mustEnrolWithout(user);
	}

	boolean enrolled(String username) {
		return enrolments.secret(username).isPresent();
	}

	/** Whether this user would have to enrol again at once if they removed their enrolment. */
	boolean mustEnrolWithout(Authentication user) {
		return properties.requireTotp() && !isApiUser(user.getName()) && isAdmin(user);
	}

	public boolean isApiUser(String username) {
		return properties.apiUsers().contains(username);
	}

	/** Checks a code against the user's enrolment and uses it up. */
	boolean verify(String username, String code) {
		Optional<byte[]> secret = enrolments.secret(username);
		return secret.flatMap(key -> matchingStep(key, code)).map(step -> enrolments.useStep(username, step)).orElse(false);
	}

	/** Confirms a new enrolment with a code from the app, which proves the app holds the secret. */
	boolean enrol(String username, byte[] secret, String code) {
		Optional<Long> step = matchingStep(secret, code);
		step.ifPresent(confirmed -> enrolments.enrol(username, secret, confirmed));
		return step.isPresent();
	}

	private Optional<Long> matchingStep(byte[] secret, String code) {
		if (code == null || !CODE.matcher(code.strip()).matches()) {
			return Optional.empty();
		}
		long now = Totp.step(clock.instant());
		for (long step = now - 1; step <= now + 1; step++) {
			if (MessageDigest.isEqual(Totp.code(secret, step).getBytes(StandardCharsets.US_ASCII),
					code.strip().getBytes(StandardCharsets.US_ASCII))) {
				return Optional.of(step);
			}
		}
		return Optional.empty();
	}

	private static boolean isAdmin(Authentication user) {
		return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(ADMIN_AUTHORITY::equals);
	}

}
