package org.unbanpanel.security;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.unbanpanel.web.PanelProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ConfiguredUsersTests {

	@ParameterizedTest
	@ValueSource(strings = { "secret", "{noop}secret", "{bcrypt}secret", "{sha256}97c94ebe5d767a353b77f3c0ce2d429741f2e8c9",
			"{bcrypt}$2a$10$tooShort" })
	void refusesToStartWithAPasswordThatIsNotABcryptHash(String password) {
		assertThatIllegalStateException().isThrownBy(() -> users(password))
			.withMessageContaining("must be a {bcrypt} hash");
	}

	@ParameterizedTest
	@ValueSource(ints = { 4, 10 })
	void acceptsABcryptHash(int strength) {
		String hash = "{bcrypt}" + new BCryptPasswordEncoder(strength).encode("pw");

		assertThat(users(hash).loadUserByUsername("alice").getPassword()).isEqualTo(hash);
	}

	private static org.springframework.security.core.userdetails.UserDetailsService users(String password) {
		return new SecurityConfig().userDetailsService(
				new UsersProperties(List.of(new UsersProperties.User("alice", password, Role.ADMIN))),
				new PanelProperties(Path.of("target/test-data"), List.of(), null, null),
				PasswordEncoderFactories.createDelegatingPasswordEncoder());
	}

}
