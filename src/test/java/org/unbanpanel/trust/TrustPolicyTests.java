package org.unbanpanel.trust;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.unbanpanel.core.BanTarget;

import static org.assertj.core.api.Assertions.assertThat;

class TrustPolicyTests {

	private final TrustPolicy strict = new TrustPolicy(properties(false));

	private final TrustPolicy allowingWide = new TrustPolicy(properties(true));

	@ParameterizedTest
	@ValueSource(strings = { "203.0.113.7", "203.0.113.0/24", "10.1.2.3", "192.168.1.0/24", "2001:db8::6",
			"2001:db8:1::/48", "fd00::1", "::ffff:203.0.113.7", "::ffff:203.0.113.0/120" })
	void trustsAddressesAndNarrowNetworksWithoutAsking(String value) {
		assertThat(strict.check(targets(value), false)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "203.0.112.0/23", "198.51.0.0/16", "10.1.0.0/16", "2001:db8::/47", "2001:db8::/32",
			"::ffff:198.51.0.0/112" })
	void asksToConfirmARangeWiderThanASlash24OrSlash48(String value) {
		assertThat(strict.check(targets(value), false)).containsExactly(new TrustPolicy.Problem(
				BanTarget.parse(value).value(), TrustPolicy.WIDE));
		assertThat(strict.check(targets(value), true)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "0.0.0.0/0", "::/0", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7",
			"192.168.0.0/15", "128.0.0.0/1", "8.0.0.0/6", "fc00::/6", "::ffff:0.0.0.0/96", "::ffff:10.0.0.0/104",
			"::ffff:192.168.0.0/112" })
	void refusesTheCatchAllsAndWholePrivateRangesEvenConfirmed(String value) {
		assertThat(strict.check(targets(value), true))
			.containsExactly(new TrustPolicy.Problem(BanTarget.parse(value).value(), TrustPolicy.REFUSED));
	}

	/**
	 * Issue 15 item 7: these passed with the width confirmation alone and went on every jail's ignore list; by size
	 * each is far more than the widest trust the panel allows (a /16's worth of IPv4, a /32's of IPv6).
	 */
	@ParameterizedTest
	@ValueSource(strings = { "2000::/3", "64.0.0.0/2", "32.0.0.0/3", "198.0.0.0/15", "2001:db8::/31",
			"::ffff:32.0.0.0/99" })
	void refusesRangesWiderThanASlash16OrSlash32ThatHoldNoPrivateRange(String value) {
		assertThat(strict.check(targets(value), true))
			.containsExactly(new TrustPolicy.Problem(BanTarget.parse(value).value(), TrustPolicy.REFUSED));
		assertThat(allowingWide.check(targets(value), true)).isEmpty();
	}

	@Test
	void countsTheAddressesOfAllValuesTogether() {
		assertThat(strict.check(targets("203.0.113.0/24", "198.51.100.0/24", "192.0.2.0/24"), false)).containsExactly(
				new TrustPolicy.Problem("203.0.113.0/24, 198.51.100.0/24, 192.0.2.0/24", TrustPolicy.WIDE_TOGETHER));
		assertThat(strict.check(targets("203.0.113.0/24", "198.51.100.0/24"), true)).isEmpty();
		assertThat(strict.check(targets("192.168.0.0/17", "192.168.128.0/17"), true)).as("halves of a private range")
			.containsExactly(new TrustPolicy.Problem("192.168.0.0/17, 192.168.128.0/17", TrustPolicy.REFUSED_TOGETHER));
		assertThat(strict.check(targets("198.51.0.0/16", "198.52.0.0/16"), true))
			.containsExactly(new TrustPolicy.Problem("198.51.0.0/16, 198.52.0.0/16", TrustPolicy.REFUSED_TOGETHER));
		assertThat(allowingWide.check(targets("198.51.0.0/16", "198.52.0.0/16"), true)).isEmpty();
		assertThat(strict.check(targets("203.0.113.0/25", "203.0.113.128/25", "203.0.113.7"), false))
			.as("each address counted once").isEmpty();
	}

	@Test
	void letsAllowWideTrustTheCatchAllsOnceConfirmed() {
		assertThat(allowingWide.check(targets("0.0.0.0/0"), false))
			.containsExactly(new TrustPolicy.Problem("0.0.0.0/0", TrustPolicy.WIDE));
		assertThat(allowingWide.check(targets("0.0.0.0/0"), true)).isEmpty();
	}

	private static List<BanTarget> targets(String... values) {
		return List.of(values).stream().map(BanTarget::parse).toList();
	}

	private static TrustProperties properties(boolean allowWide) {
		return new TrustProperties(allowWide, Duration.ofSeconds(30), Duration.ofMinutes(1), 4);
	}

}
