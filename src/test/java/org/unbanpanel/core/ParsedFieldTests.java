package org.unbanpanel.core;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ParsedFieldTests {

	@Test
	void namesEachRefusedValueUnderItsFieldAndMergesDuplicatesWrittenDifferently() {
		ParsedField<BanTarget> parsed = ParsedField.parse("ips",
				List.of("2001:DB8::6", "1.2.3.4;id", "2001:db8::6", "192.0.2.7"), BanTarget::parse);

		assertThat(parsed.values()).containsExactly(BanTarget.parse("2001:db8::6"), BanTarget.parse("192.0.2.7"));
		assertThat(parsed.rejections())
			.containsExactly(new Rejection("ips", "invalid.ip.forbiddenCharacter", "1.2.3.4;id"));
		assertThat(parsed.valid()).isFalse();
	}

	@Test
	void showsControlCharactersOfARefusedValueAsEscapes() {
		ParsedField<AccountName> parsed = ParsedField.parse("user", List.of("bob\n"), AccountName::parse);

		assertThat(parsed.rejections()).containsExactly(new Rejection("user", "invalid.user.pattern", "bob\\u000a"));
	}

	@Test
	void splitsAFreeTextFieldOnCommasBlanksAndNewLines() {
		assertThat(ParsedField.split(" 192.0.2.1,192.0.2.2\n\t192.0.2.3 ,, ")).containsExactly("192.0.2.1",
				"192.0.2.2", "192.0.2.3");
		assertThat(ParsedField.split(null)).isEmpty();
	}

	@Test
	void takesASingleValueFieldStrippedAndABlankOneAsNone() {
		assertThat(ParsedField.single("  203.0.113.7 ")).containsExactly("203.0.113.7");
		assertThat(ParsedField.single(" \t")).isEmpty();
		assertThat(ParsedField.single(null)).isEmpty();
	}

}
