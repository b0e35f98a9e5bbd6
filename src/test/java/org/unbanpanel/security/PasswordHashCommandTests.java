package org.unbanpanel.security;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordHashCommandTests {

	@Test
	void printsABcryptHashThePanelAcceptsForThePasswordOnStandardInput() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		PasswordHashCommand.run(new ByteArrayInputStream("s3cret pass\n".getBytes(StandardCharsets.UTF_8)),
				new PrintStream(out, true, StandardCharsets.UTF_8));

		String hash = out.toString(StandardCharsets.UTF_8).strip();
		assertThat(hash).startsWith("{bcrypt}$2a$");
		assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder().matches("s3cret pass", hash)).isTrue();
	}

	@Test
	void refusesAnEmptyPassword() {
		assertThatThrownBy(() -> PasswordHashCommand.run(new ByteArrayInputStream(new byte[0]), System.out))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
