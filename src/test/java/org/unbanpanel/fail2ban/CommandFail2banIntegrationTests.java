package org.unbanpanel.fail2ban;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.exec.CommandRunners;
import org.unbanpanel.testsupport.CountingCommandRunner;
import org.unbanpanel.testsupport.Fail2banServer;
import org.unbanpanel.testsupport.WithRealTools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The adapter against a real, private fail2ban-server; fail2ban's state is checked through the harness. */
@WithRealTools
class CommandFail2banIntegrationTests {

	private static Fail2banServer server;

	private static CountingCommandRunner runner;

	private static CommandFail2ban fail2ban;

	@BeforeAll
	static void connect(Fail2banServer started) {
		server = started;
		runner = new CountingCommandRunner(CommandRunners.real(Duration.ofSeconds(30)));
		fail2ban = new CommandFail2ban(runner, new Fail2banProperties(server.command()));
	}

	@AfterEach
	void releaseEverything() {
		server.unbanAll();
		runner.takeCount();
	}

	@Test
	void answersWithItsVersionAndJails() {
		assertThat(fail2ban.version()).matches("\\d+\\.\\d+\\.\\d+.*");
		assertThat(fail2ban.jails()).containsExactlyInAnyOrderElementsOf(Fail2banServer.JAILS);
	}

	@Test
	void unbansAddressHeldByTwoJails() {
		server.ban("sshd", "203.0.113.7");
		server.ban("dovecot", "203.0.113.7");

		assertThat(release("203.0.113.7")).containsExactly(own("sshd", "203.0.113.7"), own("dovecot", "203.0.113.7"));
		assertThat(server.bannedIn("sshd")).isEmpty();
		assertThat(server.bannedIn("dovecot")).isEmpty();
	}

	@Test
	void findsNothingForAnAddressNoJailHolds() {
		server.ban("sshd", "203.0.113.8");

		assertThat(release("203.0.113.9")).isEmpty();
		assertThat(server.bannedIn("sshd")).containsExactly("203.0.113.8");
	}

	@Test
	void unbansIpv6GivenInAnyNotation() {
		server.ban("apache", "2001:db8::6");

		assertThat(release("2001:DB8:0:0:0:0:0:6")).containsExactly(own("apache", "2001:db8::6"));
		assertThat(server.bannedIn("apache")).isEmpty();
	}

	/** fail2ban holds an IPv4-mapped address it is given in its IPv4 form, and a mapped network as it is given. */
	@ParameterizedTest
	@ValueSource(strings = { "::ffff:192.0.2.2", "192.0.2.2", "::FFFF:c000:0202" })
	void unbansIpv4MappedAddressBannedUnderEitherForm(String typed) {
		server.ban("sshd", "::ffff:192.0.2.2");
		server.ban("sasl", "192.0.2.2");
		server.ban("dovecot", "::ffff:192.0.2.0/120");

		assertThat(release(typed)).containsExactly(own("sshd", "192.0.2.2"), around("dovecot", "::ffff:192.0.2.0/120"),
				own("sasl", "192.0.2.2"));
		assertThat(release("192.0.2.0/24")).containsExactly(own("dovecot", "::ffff:192.0.2.0/120"));
		assertThat(server.bannedIn("sshd")).isEmpty();
		assertThat(server.bannedIn("sasl")).isEmpty();
	}

	/** fail2ban 1.0.2's own {@code unban 198.51.100.0/24} would release only the network entry in apache. */
	@Test
	void unbansEveryAddressInsideANetwork() {
		server.ban("sshd", "198.51.100.1", "198.51.100.200", "198.51.101.1");
		server.ban("apache", "198.51.100.0/24", "198.51.100.9", "198.51.100.0/25");
		server.ban("mxcp", "198.51.100.77");

		assertThat(release("198.51.100.0/24")).containsExactly(inside("sshd", "198.51.100.1"),
				inside("sshd", "198.51.100.200"), own("apache", "198.51.100.0/24"), inside("apache", "198.51.100.9"),
				inside("apache", "198.51.100.0/25"), inside("mxcp", "198.51.100.77"));
		assertThat(server.bannedIn("sshd")).containsExactly("198.51.101.1");
		assertThat(server.bannedIn("apache")).isEmpty();
		assertThat(server.bannedIn("mxcp")).isEmpty();
	}

	@Test
	void findsTheNetworksAroundAnAddressAndLeavesThem() {
		server.ban("apache", "198.51.100.0/24");
		server.ban("sshd", "2001:db8:1::/64");

		assertThat(release("198.51.100.7")).containsExactly(around("apache", "198.51.100.0/24"));
		assertThat(release("2001:db8:1::77")).containsExactly(around("sshd", "2001:db8:1::/64"));
		assertThat(server.bannedIn("apache")).containsExactly("198.51.100.0/24");
		assertThat(server.bannedIn("sshd")).containsExactly("2001:db8:1::/64");
	}

	/**
	 * {@code unban} releases an entry from every jail; {@code set <jail> unbanip} from that jail only, several entries
	 * in one call, and skips an entry the jail does not hold without an error.
	 */
	@Test
	void releasesFromOneJailOnlyWithSetUnbanip() {
		server.ban("sshd", "203.0.113.10", "203.0.113.11");
		server.ban("dovecot", "203.0.113.10", "203.0.113.11");
		runner.takeCount();

		assertThat(fail2ban.unban("dovecot", List.of("203.0.113.10", "203.0.113.11", "203.0.113.12")))
			.as("fail2ban counts the two entries the jail held, not the third")
			.isEqualTo(new Unbanned(OptionalInt.of(2), Optional.empty()));

		assertThat(runner.takeCount()).isEqualTo(1);
		assertThat(server.bannedIn("dovecot")).isEmpty();
		assertThat(server.bannedIn("sshd")).containsExactly("203.0.113.10", "203.0.113.11");
		assertThat(fail2ban.unban("nojail", List.of("203.0.113.10")).refusal().map(Explanation::english))
			.as("fail2ban's refusal, in its words")
			.contains("fail2ban refused: Sorry but the jail 'nojail' does not exist");
	}

	@Test
	void splitsALargeReleaseIntoCallsOfTheConfiguredSize() {
		CommandFail2ban small = new CommandFail2ban(runner,
				new Fail2banProperties(server.command(), 100, Duration.ofMillis(25)));
		String[] addresses = addresses(250);
		server.ban("sshd", addresses);
		runner.takeCount();

		assertThat(small.unban(List.of(addresses)).removed()).hasValue(250);

		assertThat(runner.takeCount()).isEqualTo(3);
		assertThat(server.bannedIn("sshd")).isEmpty();
	}

	@Test
	void findsWhereAddressesAreBannedInOneRun() {
		server.ban("sshd", "203.0.113.20");
		server.ban("sasl", "203.0.113.20", "203.0.113.21");

		var bans = fail2ban.whereBanned(
				List.of(BanTarget.parse("203.0.113.20"), BanTarget.parse("203.0.113.21"), BanTarget.parse("203.0.113.22")));

		assertThat(runner.takeCount()).isEqualTo(1);
		assertThat(bans).containsExactly(
				Map.entry(BanTarget.parse("203.0.113.20"), List.of(own("sshd", "203.0.113.20"), own("sasl", "203.0.113.20"))),
				Map.entry(BanTarget.parse("203.0.113.21"), List.of(own("sasl", "203.0.113.21"))),
				Map.entry(BanTarget.parse("203.0.113.22"), List.of()));
	}

	@Test
	void readsJailStatusWithMxcpAtOneHourAndOthersAtTwelve() {
		server.ban("dovecot", "203.0.113.30", "203.0.113.31");

		List<JailStatus> statuses = fail2ban.statusOfAllJails();

		assertThat(runner.takeCount()).isEqualTo(1 + 2 * Fail2banServer.JAILS.size());
		assertThat(statuses).extracting(JailStatus::name).containsExactlyInAnyOrderElementsOf(Fail2banServer.JAILS);
		assertThat(statuses).allSatisfy(status -> assertThat(status.banTime())
			.isEqualTo("mxcp".equals(status.name()) ? Duration.ofHours(1) : Duration.ofHours(12)));
		assertThat(fail2ban.status("dovecot").currentlyBanned()).isEqualTo(2);
		assertThat(fail2ban.status("dovecot").totalBanned()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void readsBansWithStartAndEnd() {
		server.ban("mxcp", "203.0.113.40");

		List<Ban> bans = fail2ban.bans("mxcp");

		assertThat(bans).singleElement().satisfies(ban -> {
			assertThat(ban.address()).isEqualTo("203.0.113.40");
			assertThat(ban.start()).isCloseTo(LocalDateTime.now(), within(60, ChronoUnit.SECONDS));
			assertThat(ban.banTime()).isEqualTo(Duration.ofHours(1));
			assertThat(ban.end()).isEqualTo(ban.start().plusHours(1));
			assertThat(ban.permanent()).isFalse();
		});
	}

	@Test
	void showsAPermanentBanAsPermanent() {
		server.setBanTime("ssh-ddos", "-1");
		try {
			server.ban("ssh-ddos", "203.0.113.50");

			assertThat(fail2ban.bans("ssh-ddos")).singleElement().satisfies(ban -> {
				assertThat(ban.permanent()).isTrue();
				assertThat(ban.end().getYear()).isEqualTo(9999);
			});
			assertThat(fail2ban.status("ssh-ddos").permanentBans()).isTrue();
		}
		finally {
			server.setBanTime("ssh-ddos", "12h");
		}
	}

	@Test
	void readsAnIgnoreListHoldingAnEntryWithANewline() {
		server.client(List.of("set", "mxcp", "addignoreip", "203.0.113.51", "x\ny", "tab\tx"));
		try {
			assertThat(fail2ban.ignored("mxcp")).containsExactly("203.0.113.51");
		}
		finally {
			server.client(List.of("set", "mxcp", "delignoreip", "203.0.113.51"));
			server.client(List.of("set", "mxcp", "delignoreip", "x\ny"));
			server.client(List.of("set", "mxcp", "delignoreip", "tab\tx"));
		}
	}

	@Test
	void readsABanListHoldingEntriesThatSpanLines() {
		server.ban("dovecot", "203.0.113.52", "x\ny", "9.9.9.9 \t2026-01-01 00:00:00 + -1 = 9999-12-31 23:59:59\n8.8.8.8");

		BanList list = fail2ban.banList("dovecot");

		assertThat(runner.takeCount()).isEqualTo(2);
		assertThat(list.bans()).extracting(Ban::address).containsExactly("203.0.113.52");
		assertThat(list.unreadable()).containsExactlyInAnyOrder("x\ny",
				"9.9.9.9 \t2026-01-01 00:00:00 + -1 = 9999-12-31 23:59:59\n8.8.8.8");
	}

	@Test
	void refusesAnUnknownJailWithFail2bansMessage() {
		assertThatThrownBy(() -> fail2ban.bans("nojail")).isInstanceOfSatisfying(Fail2banException.class, ex -> {
			assertThat(ex.reason()).isEqualTo(Fail2banException.Reason.REFUSED);
			assertThat(ex.getMessage()).isEqualTo("fail2ban refused: Sorry but the jail 'nojail' does not exist");
		});
	}

	/**
	 * Releases a typed target as the jobs do: where it is banned, then an {@code unban} of what it holds (its own
	 * entries and those inside it); returns what was found.
	 */
	private static List<HeldBan> release(String typed) {
		BanTarget target = BanTarget.parse(typed);
		List<HeldBan> held = fail2ban.whereBanned(List.of(target)).get(target);
		assertThat(fail2ban.unban(Fail2banAdapters.entriesToRelease(fail2ban, List.of(target))).refusal()).isEmpty();
		return held;
	}

	private static HeldBan own(String jail, String entry) {
		return new HeldBan(jail, entry, HeldBan.Overlap.OWN);
	}

	private static HeldBan inside(String jail, String entry) {
		return new HeldBan(jail, entry, HeldBan.Overlap.INSIDE);
	}

	private static HeldBan around(String jail, String entry) {
		return new HeldBan(jail, entry, HeldBan.Overlap.AROUND);
	}

	private static String[] addresses(int count) {
		return IntStream.range(0, count)
			.mapToObj(i -> "10.77." + (i / 250) + "." + (i % 250 + 1))
			.toArray(String[]::new);
	}

}
