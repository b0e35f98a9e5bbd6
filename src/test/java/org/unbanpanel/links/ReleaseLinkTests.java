package org.unbanpanel.links;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.unbanpanel.testsupport.FixedClock;

import static org.assertj.core.api.Assertions.assertThat;

class ReleaseLinkTests {

	private final ReleaseLink link = Links.forDovecot(12);

	@Test
	void isActiveUntilItExpiresIsUsedUpOrRevoked() {
		assertThat(link.state(FixedClock.NOW)).isEqualTo(ReleaseLink.State.ACTIVE);
		assertThat(link.state(link.expiresAt().minusMillis(1))).isEqualTo(ReleaseLink.State.ACTIVE);
		assertThat(link.state(link.expiresAt())).isEqualTo(ReleaseLink.State.EXPIRED);
		assertThat(used(link).state(FixedClock.NOW)).isEqualTo(ReleaseLink.State.USED_UP);
		assertThat(revoked(used(link)).state(link.expiresAt().plus(Duration.ofDays(1))))
			.isEqualTo(ReleaseLink.State.REVOKED);
	}

	@Test
	void namesItsJailsOrEveryJailWhenItNamesNone() {
		assertThat(link.names("dovecot")).isTrue();
		assertThat(link.names("sshd")).isFalse();
		assertThat(new ReleaseLink(1, "", List.of(), false, Duration.ZERO, 1, 0, FixedClock.NOW, "alice",
				FixedClock.NOW, null, null)
			.names("sshd")).isTrue();
	}

	private static ReleaseLink used(ReleaseLink link) {
		return new ReleaseLink(link.id(), link.note(), link.jails(), link.includeProtected(), link.trustFor(),
				link.maxUses(), link.maxUses(), link.createdAt(), link.createdBy(), link.expiresAt(), null, null);
	}

	private static ReleaseLink revoked(ReleaseLink link) {
		return new ReleaseLink(link.id(), link.note(), link.jails(), link.includeProtected(), link.trustFor(),
				link.maxUses(), link.uses(), link.createdAt(), link.createdBy(), link.expiresAt(), FixedClock.NOW,
				"bob");
	}

}
