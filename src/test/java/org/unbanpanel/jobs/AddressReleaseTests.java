package org.unbanpanel.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.fail2ban.Fail2banAdapters;
import org.unbanpanel.fail2ban.HeldBan;
import org.unbanpanel.hosts.HostName;
import org.unbanpanel.testsupport.FakeFail2banClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One host's attempt, over the real adapter and a fake fail2ban-client that counts its runs: the read after the
 * release is skipped only when fail2ban's count of removed bans says exactly what the first read expected.
 */
class AddressReleaseTests {

	private static final List<String> BANNED = List.of("banned");

	private final FakeFail2banClient fail2ban = new FakeFail2banClient();

	private final List<List<Item>> stored = new ArrayList<>();

	/** Every job of these tests is still this attempt's when it releases. */
	private final AddressRelease release = new AddressRelease(
			Fail2banAdapters.over(fail2ban, List.of("fail2ban-client")), grown -> {
				stored.add(grown);
				return LongStream.rangeClosed(1, 10).boxed().collect(Collectors.toSet());
			});

	@Test
	void settlesFromOneReadWhenNothingIsHeld() {
		fail2ban.ban("sshd", "203.0.113.9");

		AddressRelease.Outcome outcome = release.run(List.of(pending(1, "198.51.100.7", everyJail())));

		assertThat(fail2ban.calls()).containsExactly(BANNED);
		assertThat(outcome.results().get(1L).state()).isEqualTo(ItemState.NOT_BANNED);
		assertThat(outcome.unreachable()).isEmpty();
	}

	@Test
	void reportsACoveringNetworkFromTheOneRead() {
		fail2ban.ban("apache", "198.51.100.0/24");

		ItemResult result = release.run(List.of(pending(1, "198.51.100.7", everyJail()))).results().get(1L);

		assertThat(fail2ban.calls()).containsExactly(BANNED);
		assertThat(result.state()).isEqualTo(ItemState.FAILED);
		assertThat(result.bans()).containsExactly(
				new ItemBan("apache", "198.51.100.0/24", HeldBan.Overlap.AROUND, ItemBan.Outcome.COVERING));
	}

	@Test
	void skipsTheSecondReadWhenFail2bansCountMatchesTheFirstRead() {
		fail2ban.ban("sshd", "198.51.100.7", "198.51.100.20").ban("dovecot", "198.51.100.7").ban("sasl", "198.51.100.7");
		fail2ban.ban("apache", "198.51.100.0/24");

		AddressRelease.Outcome outcome = release.run(List.of(pending(1, "198.51.100.7", everyJail()),
				pending(2, "198.51.100.0/25", everyJail()), pending(3, "198.51.100.7", jails("sasl"))));

		assertThat(fail2ban.calls()).as("one read, one unban from every jail; sasl's entry goes with it")
			.containsExactly(BANNED, List.of("unban", "198.51.100.7", "198.51.100.20"));
		assertThat(outcome.results().get(1L).bans()).as("its own bans, and the wider network still around it")
			.containsExactly(released("sshd", "198.51.100.7", HeldBan.Overlap.OWN),
					released("dovecot", "198.51.100.7", HeldBan.Overlap.OWN),
					released("sasl", "198.51.100.7", HeldBan.Overlap.OWN),
					new ItemBan("apache", "198.51.100.0/24", HeldBan.Overlap.AROUND, ItemBan.Outcome.COVERING));
		assertThat(outcome.results().get(2L).bans()).as("credited the ban inside it that no value owns")
			.containsExactly(released("sshd", "198.51.100.20", HeldBan.Overlap.INSIDE),
					new ItemBan("apache", "198.51.100.0/24", HeldBan.Overlap.AROUND, ItemBan.Outcome.COVERING));
		assertThat(outcome.results().get(3L).bans()).as("a released ban is credited once; apache is not its jail")
			.isEmpty();
		assertThat(stored).as("what was seen, stored before the release").hasSize(1);
		assertThat(stored.get(0)).extracting(Item::id).containsExactly(1L, 2L, 3L);
	}

	@Test
	void skipsTheSecondReadForAReleaseFromChosenJails() {
		fail2ban.ban("sshd", "198.51.100.7").ban("dovecot", "198.51.100.7");

		ItemResult result = release.run(List.of(pending(1, "198.51.100.7", jails("dovecot")))).results().get(1L);

		assertThat(fail2ban.calls()).containsExactly(BANNED, List.of("set", "dovecot", "unbanip", "198.51.100.7"));
		assertThat(result.state()).isEqualTo(ItemState.UNBANNED);
		assertThat(result.bans()).containsExactly(released("dovecot", "198.51.100.7", HeldBan.Overlap.OWN));
		assertThat(fail2ban.bannedIn("sshd")).containsExactly("198.51.100.7");
	}

	@Test
	void readsAgainWhenABanEndedBeforeTheUnban() {
		fail2ban.ban("sshd", "198.51.100.7").ban("dovecot", "198.51.100.7");
		fail2ban.beforeNextUnban(() -> fail2ban.expire("dovecot", "198.51.100.7"));

		ItemResult result = release.run(List.of(pending(1, "198.51.100.7", everyJail()))).results().get(1L);

		assertThat(fail2ban.calls()).as("fail2ban removed 1 of the 2 bans read")
			.containsExactly(BANNED, List.of("unban", "198.51.100.7"), BANNED);
		assertThat(result.state()).isEqualTo(ItemState.UNBANNED);
	}

	@Test
	void readsAgainWhenABanCameBeforeTheUnban() {
		fail2ban.ban("sshd", "198.51.100.7");
		fail2ban.beforeNextUnban(() -> fail2ban.ban("sasl", "198.51.100.7"));

		ItemResult result = release.run(List.of(pending(1, "198.51.100.7", everyJail()))).results().get(1L);

		assertThat(fail2ban.calls()).as("fail2ban removed 2 bans where 1 was read")
			.containsExactly(BANNED, List.of("unban", "198.51.100.7"), BANNED);
		assertThat(result.bans()).containsExactly(released("sshd", "198.51.100.7", HeldBan.Overlap.OWN));
	}

	@Test
	void readsAgainWhenFail2banRefusesACall() {
		fail2ban.ban("sshd", "198.51.100.7", "198.51.100.8");
		fail2ban.refuse("198.51.100.8", "Sorry but jail sshd is stopping");

		AddressRelease.Outcome outcome = release.run(List.of(pending(1, "198.51.100.7", jails("sshd")),
				pending(2, "198.51.100.8", everyJail())));

		assertThat(fail2ban.calls()).containsExactly(BANNED, List.of("unban", "198.51.100.8"),
				List.of("set", "sshd", "unbanip", "198.51.100.7"), BANNED);
		assertThat(outcome.results().get(1L).state()).isEqualTo(ItemState.UNBANNED);
		assertThat(outcome.results().get(2L).state()).isEqualTo(ItemState.FAILED);
		assertThat(outcome.results().get(2L).error()).isEqualTo(new Failure("fail2ban.REFUSED",
				Explanation.of("fail2ban.refused", "Sorry but jail sshd is stopping")));
	}

	@Test
	void readsAgainAfterACallThatWasNotAnsweredAndSettlesWhatIsGone() {
		AddressRelease.Outcome outcome = releaseWithAnUnbanNotAnswered(0);

		assertThat(outcome.results().get(1L).state()).isEqualTo(ItemState.UNBANNED);
		assertThat(outcome.unreachable()).isEmpty();
	}

	@Test
	void leavesEveryValueWaitingWhenFail2banIsUnreachableMidWay() {
		AddressRelease.Outcome outcome = releaseWithAnUnbanNotAnswered(1);

		assertThat(outcome.results()).isEmpty();
		assertThat(outcome.unreachable()).isPresent();
		assertThat(stored.get(0).get(0).result().bans(ItemBan.Outcome.SEEN)).as("kept for the next attempt")
			.containsExactly(new ItemBan("sshd", "198.51.100.7", HeldBan.Overlap.OWN, ItemBan.Outcome.SEEN));
	}

	/** The unban is done but its client killed at the timeout, and as many reads after it time out too. */
	private AddressRelease.Outcome releaseWithAnUnbanNotAnswered(int readsTimingOut) {
		fail2ban.ban("sshd", "198.51.100.7");
		fail2ban.killClientsAfterTheirUnban(1, readsTimingOut);

		AddressRelease.Outcome outcome = release.run(List.of(pending(1, "198.51.100.7", everyJail())));

		assertThat(fail2ban.calls()).as("read again, never sent again")
			.containsExactly(BANNED, List.of("unban", "198.51.100.7"), BANNED);
		return outcome;
	}

	private static AddressRelease.Pending pending(long id, String value, Job job) {
		Item item = new Item(id, job.id(), new Target(ItemKind.IP, value, HostName.LOCAL), ItemResult.PENDING);
		return new AddressRelease.Pending(item, BanTarget.parse(value), job);
	}

	private static Job everyJail() {
		return jails();
	}

	private static Job jails(String... jails) {
		return new Job(jails.length + 1, "alice", "192.0.2.50", Instant.parse("2026-11-25T10:00:00Z"), 1, Duration.ZERO,
				List.of(jails));
	}

	private static ItemBan released(String jail, String entry, HeldBan.Overlap overlap) {
		return new ItemBan(jail, entry, overlap, ItemBan.Outcome.RELEASED);
	}

}
