package org.unbanpanel.links;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenTests {

	private final SecureRandom random = new SecureRandom();

	@Test
	void isA128BitRandomNumberInBase64urlWithoutPadding() {
		Set<String> tokens = IntStream.range(0, 1000)
			.mapToObj(i -> Token.generate(random))
			.collect(Collectors.toSet());

		assertThat(tokens).hasSize(1000).allSatisfy(token -> {
			assertThat(token).hasSize(Token.LENGTH).matches("[A-Za-z0-9_-]+");
			assertThat(Base64.getUrlDecoder().decode(token)).hasSize(16);
			assertThat(Token.wellFormed(token)).isTrue();
		});
	}

	@Test
	void takesNothingButTwentyTwoBase64urlCharacters() {
		assertThat(Token.wellFormed("AbCdEfGhIjKlMnOpQrSt-_")).isTrue();
		assertThat(Token.wellFormed("AbCdEfGhIjKlMnOpQrSt-")).isFalse();
		assertThat(Token.wellFormed("AbCdEfGhIjKlMnOpQrSt-_A")).isFalse();
		assertThat(Token.wellFormed("AbCdEfGhIjKlMnOpQrSt+/")).isFalse();
		assertThat(Token.wellFormed("AbCdEfGhIjKlMnOpQrSt==")).isFalse();
		assertThat(Token.wellFormed("AbCdEfGhIjKlMnOpQrSt\u0000A")).isFalse();
		assertThat(Token.wellFormed("ＡbCdEfGhIjKlMnOpQrSt-_")).isFalse();
		assertThat(Token.wellFormed("' OR 1=1 --AAAAAAAAAAA")).isFalse();
		assertThat(Token.wellFormed("../../../../etc/passwd")).isFalse();
		assertThat(Token.wellFormed(null)).isFalse();
	}

	@Test
	void isKeptAsItsSha256AndComparedWithIt() {
		String token = "AAAAAAAAAAAAAAAAAAAAAA";

		assertThat(Token.hash(token)).isEqualTo("8a5bdb4cc15164126c6ef2668de9dd240d299ce6397a42c95a9411b93d080ed8");
		assertThat(Token.matches(Token.hash(token), token)).isTrue();
		assertThat(Token.matches(Token.hash(token), "AAAAAAAAAAAAAAAAAAAAAB")).isFalse();
	}

}
