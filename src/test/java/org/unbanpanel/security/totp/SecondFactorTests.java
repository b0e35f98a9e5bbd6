package org.unbanpanel.security.totp;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.unbanpanel.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

class SecondFactorTests {

	private static final Instant NOW = Instant.parse("2026-11-25T12:00:10Z");

	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	private final TestDatabase database = new TestDatabase();

	private final byte[] secret = Totp.newSecret();

	private final long step = Totp.step(NOW);

	@Test
	void acceptsTheCodeOfThisStepOrOfTheOneBeforeOrAfterAndNothingFurther() {
		assertThat(enrolledAndVerify(Totp.code(secret, step))).isTrue();
		assertThat(enrolledAndVerify(Totp.code(secret, step - 1))).isTrue();
		assertThat(enrolledAndVerify(Totp.code(secret, step + 1))).isTrue();
		assertThat(enrolledAndVerify(Totp.code(secret, step - 2))).isFalse();
		assertThat(enrolledAndVerify(Totp.code(secret, step + 2))).isFalse();
		assertThat(enrolledAndVerify("")).isFalse();
		assertThat(enrolledAndVerify("12345a")).isFalse();
	}

	@Test
	void aCodeWorksOnceAndAnOlderOneNeverAfterANewerOne() {
		SecondFactor factor = factor(false, List.of());
		new TotpEnrolments(database.jdbc(), clock, properties(false, List.of())).enrol("alice", secret, step - 2);

		assertThat(factor.verify("alice", Totp.code(secret, step))).isTrue();
		assertThat(factor.verify("alice", Totp.code(secret, step))).as("the same code again").isFalse();
		assertThat(factor.verify("alice", Totp.code(secret, step - 1))).as("an older code").isFalse();
		assertThat(factor.verify("alice", Totp.code(secret, step + 1))).isTrue();
	}

	@Test
	void theCodeThatConfirmsAnEnrolmentIsUsedUp() {
		SecondFactor factor = factor(false, List.of());

		assertThat(factor.enrol("alice", secret, "000000".equals(Totp.code(secret, step)) ? "111111" : "000000"))
			.isFalse();
		assertThat(factor.enrolled("alice")).isFalse();
		assertThat(factor.enrol("alice", secret, Totp.code(secret, step))).isTrue();
		assertThat(factor.verify("alice", Totp.code(secret, step))).isFalse();
	}

	@Test
	void requiresACodeOfEnrolledUsersAndWhenConfiguredOfEveryAdminButApiUsers() {
		assertThat(factor(false, List.of()).required(user("alice", "ADMIN"))).isFalse();
		assertThat(factor(true, List.of()).required(user("alice", "ADMIN"))).isTrue();
		assertThat(factor(true, List.of()).required(user("noc", "OPERATOR"))).isFalse();
		assertThat(factor(true, List.of("deploy")).required(user("deploy", "ADMIN"))).isFalse();
		factor(false, List.of()).enrol("noc", secret, Totp.code(secret, step));
		assertThat(factor(false, List.of()).required(user("noc", "OPERATOR"))).isTrue();
	}

	@Test
	void totpResetDeletesTheEnrolmentAtStart() throws Exception {
		factor(false, List.of()).enrol("alice", secret, Totp.code(secret, step));

		new TotpEnrolments(database.jdbc(), clock, properties(false, List.of())).run(null);
		assertThat(factor(false, List.of()).enrolled("alice")).isTrue();
		new TotpEnrolments(database.jdbc(), clock, new TotpProperties(false, List.of("alice"), List.of())).run(null);
		assertThat(factor(false, List.of()).enrolled("alice")).isFalse();
	}

	private boolean enrolledAndVerify(String code) {
		new TotpEnrolments(database.jdbc(), clock, properties(false, List.of())).enrol("alice", secret, step - 2);
		return factor(false, List.of()).verify("alice", code);
	}

	private SecondFactor factor(boolean requireTotp, List<String> apiUsers) {
		TotpProperties properties = properties(requireTotp, apiUsers);
		return new SecondFactor(new TotpEnrolments(database.jdbc(), clock, properties), properties, clock);
	}

	private static TotpProperties properties(boolean requireTotp, List<String> apiUsers) {
		return new TotpProperties(requireTotp, List.of(), apiUsers);
	}

	private static Authentication user(String name, String role) {
		return UsernamePasswordAuthenticationToken.authenticated(name, null,
				AuthorityUtils.createAuthorityList("ROLE_" + role));
	}

}
