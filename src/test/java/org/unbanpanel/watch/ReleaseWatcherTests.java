package org.unbanpanel.watch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.fail2ban.Fail2ban;
import org.unbanpanel.fail2ban.Fail2banException;
import org.unbanpanel.fail2ban.HeldBan;
import org.unbanpanel.hosts.HostName;
import org.unbanpanel.jobs.Reban;
import org.unbanpanel.testsupport.MutableClock;
import org.unbanpanel.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * The watch's own logic over a real database, with each host's fail2ban mocked; the real fail2ban is in
 * RebanIntegrationTests, and on another host in WatchAcrossHostsIntegrationTests.
 */
class ReleaseWatcherTests {

	private static final Instant RELEASED = Instant.parse("2026-12-01T21:00:00Z");

	private static final BanTarget ADDRESS = BanTarget.parse("192.0.2.7");

	/** Blocked by a wider network: no new ban of its own. */
	private static final BanTarget OTHER = BanTarget.parse("198.51.100.9");

	private final TestDatabase database = new TestDatabase();

	private final WatchRepository watches = new WatchRepository(database.jdbc());

	private static final HostName MAIL = HostName.parse("mail");

	private final Fail2ban fail2ban = mock(Fail2ban.class);

	private final Fail2ban mailFail2ban = mock(Fail2ban.class);

	private final MutableClock clock = new MutableClock(RELEASED);

	private final List<Object> published = new ArrayList<>();

	private final ReleaseWatcher watcher = new ReleaseWatcher(watches,
			new EachHostsFail2ban(Map.of(HostName.LOCAL, fail2ban, MAIL, mailFail2ban)),
			new WatchProperties(Duration.ofHours(1), Duration.ofSeconds(2)), published::add,
			database.transactions(), clock);

	@Test
	void asksFail2banNothingWhileNothingIsWatched() {
		watcher.look();

		verifyNoInteractions(fail2ban, mailFail2ban);
	}

	@Test
	void asksForEveryWatchedAddressAtOnceAndTellsEachNewBanOfItsOwnOnce() {
		watches.add(HostName.LOCAL, "192.0.2.7", 12, 100, List.of(), RELEASED, RELEASED.plus(Duration.ofHours(1)));
		watches.add(HostName.LOCAL, "198.51.100.9", 12, 101, List.of(), RELEASED, RELEASED.plus(Duration.ofHours(1)));
		when(fail2ban.whereBannedNow(anyCollection())).thenReturn(Map.of(ADDRESS,
				List.of(new HeldBan("dovecot", "::ffff:192.0.2.7", HeldBan.Overlap.OWN)), OTHER,
				List.of(new HeldBan("sshd", "198.51.100.0/24", HeldBan.Overlap.AROUND))));
		clock.advance(Duration.ofMinutes(4));

		watcher.look();
		watcher.look();

		Reban reban = new Reban(HostName.LOCAL, "192.0.2.7", "dovecot", 12, RELEASED, RELEASED.plus(Duration.ofMinutes(4)));
		assertThat(published).containsExactly(new BannedAgain(reban));
		assertThat(watches.ofJob(12)).containsExactly(reban);
		assertThat(reban.minutesAfterRelease()).isEqualTo(4);
		verify(fail2ban).whereBannedNow(List.of(ADDRESS, OTHER));
		verify(fail2ban).whereBannedNow(List.of(OTHER));
		verifyNoInteractions(mailFail2ban);
	}

	@Test
	void asksEachHostForTheAddressesReleasedThereAndTellsTheNewBanWithItsHost() {
		watches.add(HostName.LOCAL, "192.0.2.7", 12, 100, List.of(), RELEASED, RELEASED.plus(Duration.ofHours(1)));
		watches.add(MAIL, "192.0.2.7", 12, 101, List.of(), RELEASED, RELEASED.plus(Duration.ofHours(1)));
		watches.add(MAIL, "198.51.100.9", 12, 102, List.of(), RELEASED, RELEASED.plus(Duration.ofHours(1)));
		when(mailFail2ban.whereBannedNow(anyCollection()))
			.thenReturn(Map.of(ADDRESS, List.of(new HeldBan("sasl", "192.0.2.7", HeldBan.Overlap.OWN))));
		clock.advance(Duration.ofMinutes(2));

		watcher.look();

		Reban reban = new Reban(MAIL, "192.0.2.7", "sasl", 12, RELEASED, RELEASED.plus(Duration.ofMinutes(2)));
		assertThat(published).containsExactly(new BannedAgain(reban));
		assertThat(watches.ofAddress("192.0.2.7", 10)).containsExactly(reban);
		verify(fail2ban).whereBannedNow(List.of(ADDRESS));
		verify(mailFail2ban).whereBannedNow(List.of(ADDRESS, OTHER));
	}

	@Test
	void tellsTheNewBansOfTheHostsThatAnswerAndKeepsWatchingOnAHostThatCannotBeAsked() {
		watches.add(HostName.LOCAL, "192.0.2.7", 12, 100, List.of(), RELEASED, RELEASED.plus(Duration.ofHours(1)));
		watches.add(MAIL, "192.0.2.7", 12, 101, List.of(), RELEASED, RELEASED.plus(Duration.ofHours(1)));
		when(mailFail2ban.whereBannedNow(anyCollection())).thenThrow(new Fail2banException(
				Fail2banException.Reason.UNREACHABLE, Explanation.of("fail2ban.hung", "timed out after 10 s")));
		when(fail2ban.whereBannedNow(anyCollection()))
			.thenReturn(Map.of(ADDRESS, List.of(new HeldBan("dovecot", "192.0.2.7", HeldBan.Overlap.OWN))));

		watcher.lookSafely();

		assertThat(published).extracting(event -> ((BannedAgain) event).reban().host()).containsExactly(HostName.LOCAL);
		assertThat(watches.current(RELEASED)).extracting(Watch::host).containsExactly(MAIL);
	}

	@Test
	void forgetsAWatchThatEndedWithoutANewBan() {
		watches.add(HostName.LOCAL, "192.0.2.7", 12, 100, List.of(), RELEASED, RELEASED.plus(Duration.ofHours(1)));
		clock.advance(Duration.ofHours(1));

		watcher.look();

		verifyNoInteractions(fail2ban);
		assertThat(watches.current(RELEASED)).isEmpty();
	}

	@Test
	void keepsANewBanFor30DaysForThePages() {
		watches.add(HostName.LOCAL, "192.0.2.7", 12, 100, List.of(), RELEASED, RELEASED.plus(Duration.ofHours(1)));
		watches.bannedAgain(watches.current(RELEASED).get(0).id(), "dovecot", RELEASED.plusSeconds(60));

		clock.advance(Duration.ofDays(29));
		watcher.look();
		assertThat(watches.ofAddress("192.0.2.7", 10)).hasSize(1);
		assertThat(watches.since(RELEASED, 10)).hasSize(1);
		clock.advance(Duration.ofDays(2));
		watcher.look();
		assertThat(watches.ofAddress("192.0.2.7", 10)).isEmpty();
		verifyNoInteractions(fail2ban);
	}

	@Test
	void watchesAValueOnceWhenItsEventIsHandedOutAgain() {
		watches.add(HostName.LOCAL, "192.0.2.7", 12, 100, List.of("dovecot"), RELEASED, RELEASED.plus(Duration.ofHours(1)));
		watches.add(HostName.LOCAL, "192.0.2.7", 12, 100, List.of("dovecot"), RELEASED, RELEASED.plus(Duration.ofHours(1)));

		assertThat(watches.current(RELEASED)).hasSize(1);
	}

	@Test
	void aLookThatFindsFail2banDownEndsWithoutAnException() {
		watches.add(HostName.LOCAL, "192.0.2.7", 12, 100, List.of(), RELEASED, RELEASED.plus(Duration.ofHours(1)));
		when(fail2ban.whereBannedNow(anyCollection())).thenThrow(new Fail2banException(
				Fail2banException.Reason.UNREACHABLE, Explanation.of("fail2ban.hung", "timed out after 10 s")));

		watcher.lookSafely();

		assertThat(published).isEmpty();
		assertThat(watches.current(RELEASED)).hasSize(1);
	}

}
