package org.unbanpanel.links;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.unbanpanel.jobs.ItemKind;
import org.unbanpanel.jobs.ItemState;
import org.unbanpanel.jobs.ItemView;
import org.unbanpanel.jobs.JobState;
import org.unbanpanel.jobs.JobView;
import org.unbanpanel.testsupport.FixedClock;

import static org.assertj.core.api.Assertions.assertThat;

/** The one line a link's visitor reads of a job that released their address on several hosts. */
class VisitTests {

	@Test
	void readsTheLeastGoodOutcomeOfTheHostsAndEveryJailReleased() {
		assertThat(line(line("local", ItemState.UNBANNED, "dovecot"), line("mail", ItemState.NOT_BANNED)))
			.extracting(ItemView::state, ItemView::jails)
			.containsExactly(ItemState.UNBANNED, List.of("dovecot"));
		assertThat(line(line("local", ItemState.NOT_BANNED), line("mail", ItemState.NOT_BANNED)).state())
			.isEqualTo(ItemState.NOT_BANNED);
		assertThat(line(line("local", ItemState.UNBANNED, "dovecot"), line("mail", ItemState.PARTLY_UNBANNED, "sasl")))
			.extracting(ItemView::state, ItemView::jails)
			.containsExactly(ItemState.PARTLY_UNBANNED, List.of("dovecot", "sasl"));
		assertThat(line(line("local", ItemState.PARTLY_UNBANNED, "dovecot"), line("mail", ItemState.FAILED)).state())
			.isEqualTo(ItemState.FAILED);
		assertThat(line(line("local", ItemState.UNBANNED, "dovecot"), line("mail", ItemState.PENDING)).state())
			.as("still waiting for a host")
			.isEqualTo(ItemState.PENDING);
	}

	private static ItemView line(ItemView... hosts) {
		JobView job = new JobView(42, JobState.RUNNING, "release link 12", "203.0.113.7", FixedClock.NOW, FixedClock.NOW,
				null, 1, null, null, Arrays.asList(hosts));
		return Visit.result("203.0.113.7", job).line();
	}

	private static ItemView line(String host, ItemState state, String... jails) {
		return new ItemView(host, ItemKind.IP, "203.0.113.7", state, List.of(jails), 0, null);
	}

}
