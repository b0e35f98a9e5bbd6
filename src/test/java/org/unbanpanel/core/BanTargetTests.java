package org.unbanpanel.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BanTargetTests {

	@ParameterizedTest
	@CsvSource({ "192.0.2.2, 192.0.2.2", "0.0.0.0, 0.0.0.0", "255.255.255.255, 255.255.255.255",
			"2001:DB8::6, 2001:db8::6", "2001:db8:0:0:0:0:0:6, 2001:db8::6", "2001:0db8:0000:0000:0000:0000:0000:0006, 2001:db8::6",
			"::1, ::1", "::, ::", "1::, 1::", "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
			"2001:0:0:1:0:0:0:1, 2001:0:0:1::1", "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
			"::ffff:192.0.2.2, ::ffff:192.0.2.2", "::FFFF:c000:0202, ::ffff:192.0.2.2", "::192.0.2.2, ::c000:202",
			"1.2.3.4/32, 1.2.3.4", "2001:db8::6/128, 2001:db8::6" })
	void writesEveryAddressInTheOneFormFail2banMatches(String typed, String canonical) {
		BanTarget target = BanTarget.parse(typed);

		assertThat(target.value()).isEqualTo(canonical);
		assertThat(target.isNetwork()).isFalse();
	}

	@ParameterizedTest
	@CsvSource({ "192.168.1.77/24, 192.168.1.0/24, 24", "10.1.2.3/8, 10.0.0.0/8, 8", "0.0.0.0/0, 0.0.0.0/0, 0",
			"192.0.2.255/31, 192.0.2.254/31, 31", "2001:DB8::1/32, 2001:db8::/32, 32",
			"2001:db8:abcd:12::1/56, 2001:db8:abcd::/56, 56" })
	void masksANetworkToItsFirstAddress(String typed, String canonical, int prefix) {
		BanTarget target = BanTarget.parse(typed);

		assertThat(target.value()).isEqualTo(canonical);
		assertThat(target.isNetwork()).isTrue();
		assertThat(target.prefixLength()).isEqualTo(prefix);
	}

	@Test
	void treatsAFullLengthPrefixAsTheSingleAddress() {
		assertThat(BanTarget.parse("1.2.3.4/32")).isEqualTo(BanTarget.parse("1.2.3.4"))
			.hasSameHashCodeAs(BanTarget.parse("1.2.3.4"));
	}

	@Test
	void looksUpAnIpv4MappedAddressUnderBothForms() {
		assertThat(BanTarget.parse("::ffff:192.0.2.2").banKeys()).containsExactly("::ffff:192.0.2.2", "192.0.2.2");
		assertThat(BanTarget.parse("192.0.2.2").banKeys()).containsExactly("192.0.2.2");
		assertThat(BanTarget.parse("2001:db8::6").banKeys()).containsExactly("2001:db8::6");
	}

	@Test
	void coversAddressesInsideANetworkOnly() {
		BanTarget network = BanTarget.parse("198.51.100.0/24");

		assertThat(network.covers(BanTarget.parse("198.51.100.200"))).isTrue();
		assertThat(network.covers(BanTarget.parse("198.51.100.0/25"))).isTrue();
		assertThat(network.covers(BanTarget.parse("198.51.101.1"))).isFalse();
		assertThat(network.covers(BanTarget.parse("198.51.0.0/16"))).isFalse();
		assertThat(network.covers(BanTarget.parse("::ffff:198.51.100.9"))).isTrue();
		assertThat(network.covers(BanTarget.parse("::ffff:198.51.100.128/121"))).isTrue();
		assertThat(BanTarget.parse("::ffff:198.51.100.0/120").covers(BanTarget.parse("198.51.100.9"))).isTrue();
		assertThat(BanTarget.parse("::ffff:198.51.100.0/120").covers(BanTarget.parse("::ffff:198.51.100.9"))).isTrue();
		assertThat(BanTarget.parse("::ffff:198.51.100.0/120").covers(BanTarget.parse("198.51.101.9"))).isFalse();
		assertThat(BanTarget.parse("2001:db8::/32").covers(BanTarget.parse("2001:db8:ffff::1"))).isTrue();
		assertThat(BanTarget.parse("2001:db8::/32").covers(BanTarget.parse("2001:db9::1"))).isFalse();
	}

	@Test
	void coversAnIpv4MappedAddressInEitherDirection() {
		assertThat(BanTarget.parse("::ffff:192.0.2.2").covers(BanTarget.parse("192.0.2.2"))).isTrue();
		assertThat(BanTarget.parse("192.0.2.2").covers(BanTarget.parse("::ffff:192.0.2.2"))).isTrue();
		assertThat(BanTarget.parse("192.0.2.2").covers(BanTarget.parse("192.0.2.3"))).isFalse();
	}

	@Test
	void doesNotTakeASingleAddressForTheNetworkAroundIt() {
		assertThat(BanTarget.parse("198.51.100.7").covers(BanTarget.parse("198.51.100.0/24"))).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "192.168.010.1", "010.0.0.1", "1.2.3.00", "192.0.2.1/024" })
	void refusesLeadingZerosThatFail2banWouldReadAsOctal(String typed) {
		assertRefused(typed, typed.endsWith("/024") ? "invalid.ip.prefix" : "invalid.ip.leadingZero");
	}

	@ParameterizedTest
	@ValueSource(strings = { "3221226034", "127.0.257", "999.1.1.1", "1.2.3", "1.2.3.4.5", "256.0.0.1", "1..2.3",
			"1.2.3.", ".1.2.3", "+1.2.3.4", "1.2.3.4/", "1.2.3.4/a", "1.2.3.4/24/8", "1:2:3:4:5:6:7:8:9",
			"1::2::3", "1:2:3:4::5:6:7:8", ":1:2:3:4:5:6:7", "1:2:3:4:5:6:7:", "12345::1", "::1.2.3",
			"::1.2.3.4:5", "[2001:db8::1]", "localhost", "example.com", "abc", "dead.beef.0.1", "0x7f.0.0.1",
			"１９２.１６８.０.１", "192.0.2.2/33", "2001:db8::/129" })
	void refusesWhatIsNotAPlainAddressOrNetwork(String typed) {
		assertThatThrownBy(() -> BanTarget.parse(typed)).isInstanceOfSatisfying(InvalidValueException.class, ex -> {
			assertThat(ex.code()).isIn("invalid.ip.notAnAddress", "invalid.ip.prefix");
			assertThat(ex.value()).isEqualTo(typed);
			assertThat(ex.getMessage()).startsWith("'" + typed + "' ");
		});
	}

	@Test
	void refusesAZoneId() {
		assertRefused("fe80::1%eth0", "invalid.ip.zoneId");
		assertRefused("fe80::1%25eth0", "invalid.ip.zoneId");
	}

	@Test
	void refusesWhatWouldBeReadAsAnOption() {
		assertRefused("-1.2.3.4", "invalid.ip.leadingDash");
		assertRefused("--all", "invalid.ip.leadingDash");
	}

	@ParameterizedTest
	@ValueSource(strings = { " 192.0.2.2", "192.0.2.2 ", "192.0.2.2\t", "1.2.3.4;id", "$(id)", "1.2.3.4$(id)",
			"`id`", "'1.2.3.4'", "\"1.2.3.4\"", "1.2.3.4\u0000", "1.2.3.4\n5.6.7.8", "1.2.3.4|id", "1.2.3.4&",
			"1.2.3.4>x", "1.2.3.4\u00a0", "1.2.3.4\u3000" })
	void refusesBlanksControlCharactersAndShellSyntax(String typed) {
		assertRefused(typed, "invalid.ip.forbiddenCharacter");
	}

	@Test
	void namesTheValueWithControlCharactersEscaped() {
		assertThatThrownBy(() -> BanTarget.parse("1.2.3.4\n5.6.7.8"))
			.hasMessage("'1.2.3.4\\u000a5.6.7.8' contains a blank or control character (U+000A), which is never part of an address");
		assertThatThrownBy(() -> BanTarget.parse("1.2.3.4;id"))
			.hasMessage("'1.2.3.4;id' contains ';', which is never part of an address");
	}

	@Test
	void refusesEmptyAndOverlongValues() {
		assertRefused("", "invalid.ip.empty");
		assertRefused(null, "invalid.ip.empty");
		assertRefused("1".repeat(65), "invalid.ip.tooLong");
		assertThat(BanTarget.parse("0000:0000:0000:0000:0000:ffff:192.168.100.200/128").value())
			.isEqualTo("::ffff:192.168.100.200");
	}

	@Test
	void readsFail2bansOwnTextWithoutThrowing() {
		assertThat(BanTarget.tryParse("2001:db8::6")).contains(BanTarget.parse("2001:db8::6"));
		assertThat(BanTarget.tryParse("mail.example.com")).isEmpty();
	}

	private static void assertRefused(String typed, String code) {
		assertThatThrownBy(() -> BanTarget.parse(typed)).isInstanceOfSatisfying(InvalidValueException.class,
				ex -> assertThat(ex.code()).isEqualTo(code));
	}

}
