package org.unbanpanel.core;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AccountNameTests {

	@ParameterizedTest
	@ValueSource(strings = { "bob", "_apt", "www-data", "user_2", "smbhost$", "a", "abcdefghijklmnopqrstuvwxyz012345" })
	void acceptsDebianUserNames(String name) {
		assertThat(AccountName.parse(name).value()).isEqualTo(name);
	}

	@ParameterizedTest
	@ValueSource(strings = { "-bob", "--reset", "bob smith", " bob", "bob\n", "bob\u0000", "bob\t", "bob;id", "bob$(id)",
			"'bob'", "\"bob\"", "../etc", "/etc/passwd", ".", "..", "bob:x", "1000", "9bob", "Bob", "bob$$", "bo$b",
			"bøb" })
	void refusesWhatIsNotAUserName(String name) {
		assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> AccountName.parse(name))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo("invalid.user.pattern"))
			.satisfies(ex -> assertThat(ex.value()).isEqualTo(name));
	}

	@Test
	void refusesEmptyAndMissingNames() {
		assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> AccountName.parse(""))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo("invalid.user.empty"));
		assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> AccountName.parse(null))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo("invalid.user.empty"));
	}

	@Test
	void refusesMoreThanThirtyTwoCharacters() {
		String name = "a".repeat(33);

		assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> AccountName.parse(name))
			.withMessage("'" + name + "' is longer than 32 characters")
			.satisfies(ex -> assertThat(ex.code()).isEqualTo("invalid.user.tooLong"));
	}

	@Test
	void namesControlCharactersAsEscapesInTheMessage() {
		assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> AccountName.parse("bob\nroot"))
			.withMessageStartingWith("'bob\\u000aroot' is not a user name");
	}

	@Test
	void isEqualByValue() {
		assertThat(AccountName.parse("bob")).isEqualTo(AccountName.parse("bob"))
			.hasSameHashCodeAs(AccountName.parse("bob"))
			.isNotEqualTo(AccountName.parse("alice"))
			.hasToString("bob");
	}

}
