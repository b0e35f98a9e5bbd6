package org.unbanpanel.jobs;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.core.InvalidValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReleaseRequestTests {

	@Test
	void releasesAnyAddressOrNetworkButNotEveryAddressAtOnce() {
		assertThat(ReleaseRequest.releasable("203.0.113.0/24").value()).isEqualTo("203.0.113.0/24");
		assertThat(ReleaseRequest.releasable("2001:DB8::6").value()).isEqualTo("2001:db8::6");
		assertThatThrownBy(() -> ReleaseRequest.releasable("0.0.0.0/0")).isInstanceOfSatisfying(
				InvalidValueException.class, ex -> assertThat(ex.code()).isEqualTo("invalid.ip.tooWide"));
		assertThatThrownBy(() -> ReleaseRequest.releasable("::/0")).isInstanceOf(InvalidValueException.class);
	}

	@Test
	void cannotHoldEveryAddressHoweverItWasRead() {
		assertThatThrownBy(() -> new ReleaseRequest(List.of(BanTarget.parse("::/0")), List.of()))
			.isInstanceOfSatisfying(InvalidValueException.class,
					ex -> assertThat(ex.code()).isEqualTo("invalid.ip.tooWide"));
	}

}
