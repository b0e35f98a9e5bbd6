package org.unbanpanel.links;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.unbanpanel.testsupport.FixedClock;

/** Links for the module's tests. */
final class Links {

	private Links() {
	}

	/** An active one-use link for dovecot, made an hour before {@link FixedClock#NOW}, valid for 24 hours. */
	static ReleaseLink forDovecot(long id) {
		Instant made = FixedClock.NOW.minus(Duration.ofHours(1));
		return new ReleaseLink(id, "Office Gràcia, fix Thunderbird", List.of("dovecot"), false, Duration.ZERO, 1, 0,
				made, "alice", made.plus(Duration.ofHours(24)), null, null);
	}

}
