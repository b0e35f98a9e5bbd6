package org.unbanpanel.watch;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.unbanpanel.hosts.HostName;

import static org.assertj.core.api.Assertions.assertThat;

class WatchTests {

	private static final Instant RELEASED = Instant.parse("2026-12-01T21:00:00Z");

	@Test
	void takesANewBanInAnyJailForAReleaseFromEveryJail() {
		Watch watch = new Watch(1, HostName.LOCAL, "192.0.2.7", 12, List.of(), RELEASED, RELEASED.plusSeconds(3600));

		assertThat(watch.bannedIn(List.of("sasl", "dovecot"))).contains("sasl");
		assertThat(watch.bannedIn(List.of())).isEmpty();
	}

	@Test
	void takesOnlyANewBanInTheJailsAReleaseFromSomeJailsWasAbout() {
		Watch watch = new Watch(1, HostName.LOCAL, "192.0.2.7", 12, List.of("dovecot"), RELEASED, RELEASED.plusSeconds(3600));

		assertThat(watch.bannedIn(List.of("sshd"))).as("a ban the job left alone").isEmpty();
		assertThat(watch.bannedIn(List.of("sshd", "dovecot"))).contains("dovecot");
	}

}
