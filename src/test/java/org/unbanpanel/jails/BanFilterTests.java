package org.unbanpanel.jails;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BanFilterTests {

	static final List<String> HELD = List.of("203.0.113.7", "203.0.113.200", "203.0.114.1", "198.51.100.0/24",
			"2001:db8::6", "2001:db8:1::1", "::ffff:203.0.113.9", "not-an-address");

	@Test
	void keepsEverythingWithoutFilter() {
		assertThat(HELD.stream().filter(BanFilter.of(""))).containsExactlyElementsOf(HELD);
	}

	@Test
	void keepsTheAddressesAndNetworksInsideANetwork() {
		assertThat(HELD.stream().filter(BanFilter.of("203.0.113.0/24"))).containsExactly("203.0.113.7",
				"203.0.113.200", "::ffff:203.0.113.9");
		assertThat(HELD.stream().filter(BanFilter.of("198.51.0.0/16"))).containsExactly("198.51.100.0/24");
		assertThat(HELD.stream().filter(BanFilter.of("2001:DB8::/48"))).containsExactly("2001:db8::6");
	}

	@Test
	void keepsTheAddressesContainingOtherTextIgnoringCase() {
		assertThat(HELD.stream().filter(BanFilter.of("113.2"))).containsExactly("203.0.113.200");
		assertThat(HELD.stream().filter(BanFilter.of("DB8:1"))).containsExactly("2001:db8:1::1");
		assertThat(HELD.stream().filter(BanFilter.of("203.0.113.7"))).containsExactly("203.0.113.7");
	}

}
