package org.unbanpanel.notify;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignatureTests {

	@Test
	void signsTheBodyWithHmacSha256AsRfc4231Says() {
		// RFC 4231, test case 2
		assertThat(Signature.of("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)))
			.isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
	}

	@Test
	void changesWithEveryByteOfTheBody() {
		byte[] body = "{\"kind\":\"banned-again\"}".getBytes(StandardCharsets.UTF_8);
		byte[] other = "{\"kind\":\"banned-again\" }".getBytes(StandardCharsets.UTF_8);

		assertThat(Signature.of("secret", body)).isNotEqualTo(Signature.of("secret", other))
			.isNotEqualTo(Signature.of("secret2", body));
	}

}
