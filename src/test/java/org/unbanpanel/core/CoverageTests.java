package org.unbanpanel.core;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CoverageTests {

	@Test
	void countsFourHalvesAsEveryAddressOfBothFamilies() {
		Coverage halves = of("0.0.0.0/1", "128.0.0.0/1", "::/1", "8000::/1");

		assertThat(halves.ipv4()).isEqualTo(BigInteger.TWO.pow(32));
		assertThat(halves.ipv6()).isEqualTo(BigInteger.TWO.pow(128));
		assertThat(halves.everyAddressOfAFamily()).isTrue();
		assertThat(of("0.0.0.0/1", "::/1", "8000::/2").everyAddressOfAFamily()).isFalse();
		assertThat(of("::/1", "8000::/1").everyAddressOfAFamily()).as("one family whole is enough").isTrue();
	}

	@Test
	void countsAnAddressOnceHoweverManyValuesHoldIt() {
		Coverage overlapping = of("198.51.100.0/24", "198.51.100.7", "198.51.100.128/25", "198.51.101.0/24");

		assertThat(overlapping.ipv4()).isEqualTo(BigInteger.valueOf(512));
		assertThat(overlapping.ipv6()).isZero();
	}

	@Test
	void comparesTheTotalWithTheSizeOfANetwork() {
		assertThat(of("203.0.113.0/24").widerThan(24, 48)).isFalse();
		assertThat(of("203.0.113.0/25", "203.0.113.128/25").widerThan(24, 48)).isFalse();
		assertThat(of("203.0.113.0/24", "198.51.100.0/24").widerThan(24, 48)).isTrue();
		assertThat(of("2001:db8::/48").widerThan(24, 48)).isFalse();
		assertThat(of("2001:db8::/48", "2001:db8:1::/48").widerThan(24, 48)).isTrue();
	}

	@Test
	void findsANetworkCoveredWholeBySeveralValues() {
		BanTarget tenSlash8 = BanTarget.parse("10.0.0.0/8");

		assertThat(of("10.0.0.0/9", "10.128.0.0/9").coversAll(tenSlash8)).isTrue();
		assertThat(of("0.0.0.0/4").coversAll(tenSlash8)).isTrue();
		assertThat(of("10.0.0.0/9", "10.128.0.0/10").coversAll(tenSlash8)).isFalse();
		assertThat(of("fc00::/8", "fd00::/8").coversAll(BanTarget.parse("fc00::/7"))).isTrue();
	}

	@Test
	void countsAnIpv4MappedNetworkAsIpv6UnlessReadAsIpv4() {
		BanTarget mapped = BanTarget.parse("::ffff:0.0.0.0/96");

		assertThat(Coverage.of(List.of(mapped)).ipv6()).isEqualTo(BigInteger.TWO.pow(32));
		assertThat(mapped.asIpv4()).contains(BanTarget.parse("0.0.0.0/0"));
		assertThat(BanTarget.parse("::ffff:192.0.2.0/120").asIpv4()).contains(BanTarget.parse("192.0.2.0/24"));
		assertThat(BanTarget.parse("::ffff:192.0.2.7").asIpv4()).contains(BanTarget.parse("192.0.2.7"));
		assertThat(BanTarget.parse("::/95").asIpv4()).isEmpty();
		assertThat(BanTarget.parse("2001:db8::/120").asIpv4()).isEmpty();
	}

	private static Coverage of(String... values) {
		return Coverage.of(List.of(values).stream().map(BanTarget::parse).toList());
	}

}
