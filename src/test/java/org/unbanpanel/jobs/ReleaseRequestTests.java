package org.unbanpanel.jobs;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.core.InvalidValueException;
import org.unbanpanel.core.Rejection;

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

	/** Issue 15 item 7: the four halves released every ban in every jail, each half being "narrow enough". */
	@Test
	void refusesHalvesThatTogetherCoverEveryAddress() {
		List<BanTarget> halves = targets("203.0.113.7", "0.0.0.0/1", "128.0.0.0/1", "::/1", "8000::/1");

		assertThat(ReleaseRequest.together("ips", halves)).contains(new Rejection("ips",
				ReleaseRequest.TOO_WIDE_TOGETHER, "0.0.0.0/1, 128.0.0.0/1, ::/1, 8000::/1"));
		assertThatThrownBy(() -> new ReleaseRequest(halves, List.of())).isInstanceOfSatisfying(
				InvalidValueException.class, ex -> assertThat(ex.code()).isEqualTo(ReleaseRequest.TOO_WIDE_TOGETHER));
		assertThat(ReleaseRequest.together("ips", targets("0.0.0.0/1", "128.0.0.0/2", "::/1"))).isEmpty();
	}

	@Test
	void releasesFromChosenJailsOrFromEveryJail() {
		List<BanTarget> address = targets("203.0.113.7");

		assertThat(new ReleaseRequest(address, List.of()).everyJail()).isTrue();
		ReleaseRequest chosen = new ReleaseRequest(address, List.of(), Duration.ZERO, List.of("dovecot", "sasl", "dovecot"));
		assertThat(chosen.everyJail()).isFalse();
		assertThat(chosen.jails()).containsExactly("dovecot", "sasl");
		assertThatThrownBy(() -> new ReleaseRequest(address, List.of(), Duration.ZERO, List.of("--all")))
			.isInstanceOfSatisfying(InvalidValueException.class,
					ex -> assertThat(ex.code()).isEqualTo("invalid.jail.name"));
	}

	private static List<BanTarget> targets(String... values) {
		return List.of(values).stream().map(BanTarget::parse).toList();
	}

}
