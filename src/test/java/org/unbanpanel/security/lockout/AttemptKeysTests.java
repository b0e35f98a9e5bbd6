package org.unbanpanel.security.lockout;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AttemptKeysTests {

	@Test
	void countsAnIpv4MappedAddressAsItsIpv4Address() {
		assertThat(AttemptKeys.of("::ffff:198.51.100.44", 64, "n")).isEqualTo(AttemptKeys.of("198.51.100.44", 64, "n"));
		assertThat(AttemptKeys.of("::ffff:c633:642c", 64, "n").addresses()).containsExactly("address 198.51.100.44");
		assertThat(AttemptKeys.canonicalAddress("::ffff:198.51.100.44")).isEqualTo("198.51.100.44");
		assertThat(AttemptKeys.canonicalAddress("2001:db8::1")).isEqualTo("2001:db8::1");
	}

	@Test
	void countsAnIpv6AddressByItselfAndByItsNetwork() {
		assertThat(AttemptKeys.of("2001:db8:1:2:3:4:5:6", 64, "n").addresses())
			.containsExactly("address 2001:db8:1:2:3:4:5:6", "network 2001:db8:1:2::/64");
		assertThat(AttemptKeys.of("2001:db8:1:2:3:4:5:6", 48, "n").addresses())
			.containsExactly("address 2001:db8:1:2:3:4:5:6", "network 2001:db8:1::/48");
		assertThat(AttemptKeys.of("2001:db8::1", 128, "n").addresses()).containsExactly("address 2001:db8::1");
		assertThat(AttemptKeys.of("192.0.2.1", 64, "n").addresses()).containsExactly("address 192.0.2.1");
	}

	@Test
	void keepsWhatIsNoSingleAddressAsItIs() {
		assertThat(AttemptKeys.of("-", 64, "n").addresses()).containsExactly("address -");
		assertThat(AttemptKeys.canonicalAddress("unknown")).isEqualTo("unknown");
	}

	@Test
	void countsANameAsFormSignInChecksIt() {
		String admin = AttemptKeys.nameKey("admin");

		assertThat(AttemptKeys.nameKey("admin\u0006")).isEqualTo(admin);
		assertThat(AttemptKeys.nameKey("\u0001Admin")).isEqualTo(admin);
		assertThat(AttemptKeys.nameKey("\u001f ADMIN\t\u0000")).isEqualTo(admin);
		assertThat(AttemptKeys.nameKey("ad\u0001min")).as("inside the name").isNotEqualTo(admin);
		assertThat(AttemptKeys.nameKey("admin\u00a0")).as("no-break space: not trimmed by Spring").isNotEqualTo(admin);
		assertThat(AttemptKeys.nameKey(null)).isEqualTo(AttemptKeys.nameKey(""));
	}

	@Test
	void cutsALongNameForCounting() {
		assertThat(AttemptKeys.nameKey("a".repeat(100_000))).hasSize(AttemptKeys.MAX_NAME);
	}

}
