package org.unbanpanel.trust;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.core.InvalidValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrustPolicyTests {

	private final TrustPolicy strict = new TrustPolicy(properties(false));

	private final TrustPolicy allowingWide = new TrustPolicy(properties(true));

	@ParameterizedTest
	@ValueSource(strings = { "203.0.113.7", "203.0.113.0/24", "10.1.2.3", "192.168.1.0/24", "2001:db8::6",
			"2001:db8:1::/48", "fd00::1", "::ffff:203.0.113.7", "::ffff:203.0.113.0/120" })
	void trustsAddressesAndNarrowNetworksWithoutAsking(String value) {
		assertThat(strict.check(List.of(BanTarget.parse(value)), false)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "203.0.112.0/23", "198.51.0.0/16", "10.1.0.0/16", "2001:db8::/47", "2001:db8::/32",
			"::ffff:198.51.0.0/112" })
	void asksToConfirmARangeWiderThanASlash24OrSlash48(String value) {
		BanTarget wide = BanTarget.parse(value);

		assertThat(strict.check(List.of(wide), false)).containsExactly(new TrustPolicy.Problem(wide, TrustPolicy.WIDE));
		assertThat(strict.check(List.of(wide), true)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "0.0.0.0/0", "::/0", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7",
			"192.168.0.0/15", "128.0.0.0/1", "8.0.0.0/6", "fc00::/6", "::ffff:0.0.0.0/96", "::ffff:10.0.0.0/104",
			"::ffff:192.168.0.0/112" })
	void refusesTheCatchAllsAndWholePrivateRangesEvenConfirmed(String value) {
		BanTarget wildcard = BanTarget.parse(value);

		assertThat(strict.check(List.of(wildcard), true))
			.containsExactly(new TrustPolicy.Problem(wildcard, TrustPolicy.REFUSED));
	}

	@Test
	void letsAllowWideTrustTheCatchAllsOnceConfirmed() {
		BanTarget everything = BanTarget.parse("0.0.0.0/0");

		assertThat(allowingWide.check(List.of(everything), false))
			.containsExactly(new TrustPolicy.Problem(everything, TrustPolicy.WIDE));
		assertThat(allowingWide.check(List.of(everything), true)).isEmpty();
	}

	@Test
	void readsTheTrustPeriodsTheFormsOffer() {
		assertThat(TrustPeriod.fromParam(null)).isEqualTo(TrustPeriod.NONE);
		assertThat(TrustPeriod.fromParam("")).isEqualTo(TrustPeriod.NONE);
		assertThat(TrustPeriod.fromParam("12h").duration()).isEqualTo(Duration.ofHours(12));
		assertThatThrownBy(() -> TrustPeriod.fromParam("99h")).isInstanceOfSatisfying(InvalidValueException.class,
				ex -> assertThat(ex.code()).isEqualTo("trust.period.invalid"));
	}

	private static TrustProperties properties(boolean allowWide) {
		return new TrustProperties(allowWide, Duration.ofSeconds(30), Duration.ofMinutes(1));
	}

}
