package org.unbanpanel.security.totp;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TotpTests {

	/** RFC 6238 appendix B, the SHA-1 rows: the seed is the ASCII text "12345678901234567890", 8 digits. */
	@ParameterizedTest
	@CsvSource({ "59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
			"2000000000, 69279037", "20000000000, 65353130" })
	void matchesTheTestVectorsOfRfc6238(long unixTime, String expected) {
		byte[] seed = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

		assertThat(Totp.code(seed, Totp.step(Instant.ofEpochSecond(unixTime)), 8)).isEqualTo(expected);
	}

	@Test
	void sixDigitCodesAreTheLastSixDigitsWithLeadingZerosKept() {
		byte[] seed = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

		assertThat(Totp.code(seed, Totp.step(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
	}

	/** RFC 4648 section 10, without the padding. */
	@ParameterizedTest
	@CsvSource({ "f, MY", "fo, MZXQ", "foo, MZXW6", "foob, MZXW6YQ", "fooba, MZXW6YTB", "foobar, MZXW6YTBOI" })
	void base32MatchesTheTestVectorsOfRfc4648(String data, String encoded) {
		assertThat(Base32.encode(data.getBytes(StandardCharsets.US_ASCII))).isEqualTo(encoded);
		assertThat(Base32.decode(encoded.toLowerCase() + "=")).isEqualTo(data.getBytes(StandardCharsets.US_ASCII));
	}

	@Test
	void aSecretSurvivesBase32AndAMistypedOneIsRefused() {
		byte[] secret = Totp.newSecret();

		assertThat(Base32.decode(Base32.encode(secret))).isEqualTo(secret).hasSize(20);
		assertThatIllegalArgumentException().isThrownBy(() -> Base32.decode("MZXW1"));
	}

}
