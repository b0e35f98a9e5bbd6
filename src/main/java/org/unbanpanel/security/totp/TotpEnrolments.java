package org.unbanpanel.security.totp;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The confirmed TOTP secrets, one per user, in table {@code totp_enrolment}. Public only so that controller tests can
 * replace it; at start it deletes the enrolments {@code panel.security.totp-reset} names.
 */
@Repository
public class TotpEnrolments implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(TotpEnrolments.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final List<String> resetAtStart;

	TotpEnrolments(JdbcClient jdbc, Clock clock, TotpProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.resetAtStart = properties.totpReset();
	}

	@Override
	public void run(ApplicationArguments args) {
		for (String username : resetAtStart) {
			remove(username);
			log.warn("panel.security.totp-reset: the TOTP enrolment of '{}' is deleted; remove the entry once they "
					+ "have enrolled again, or the next start deletes the new one too", username);
		}
	}

	/** The user's secret, when they have confirmed an enrolment. */
	public Optional<byte[]> secret(String username) {
		return jdbc.sql("SELECT secret FROM totp_enrolment WHERE username = ?")
			.param(username)
			.query(String.class)
			.optional()
			.map(Base32::decode);
	}

	/** Stores a confirmed enrolment; the code that confirmed it, of {@code step}, is used up. */
	void enrol(String username, byte[] secret, long step) {
		remove(username);
		jdbc.sql("INSERT INTO totp_enrolment (username, secret, last_step, enrolled_at) VALUES (?, ?, ?, ?)")
			.params(username, Base32.encode(secret), step, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
			.update();
	}

	void remove(String username) {
		jdbc.sql("DELETE FROM totp_enrolment WHERE username = ?").param(username).update();
	}

	/**
	 * Uses up the step of an accepted code, in one statement so that two sign-ins racing with the same code cannot
	 * both win.
	 * @return whether the step was still unused (later than the last accepted one)
	 */
	boolean useStep(String username, long step) {
		return jdbc.sql("UPDATE totp_enrolment SET last_step = ? WHERE username = ? AND last_step < ?")
			.params(step, username, step)
			.update() == 1;
	}

}
