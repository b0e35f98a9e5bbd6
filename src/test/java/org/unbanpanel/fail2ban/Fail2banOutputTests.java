package org.unbanpanel.fail2ban;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every text below was captured from fail2ban 1.0.2 (Debian 12) running this project's test configuration; the hostile
 * entries were banned into that private server with {@code fail2ban-client set sasl banip <entry>}.
 */
class Fail2banOutputTests {

	/** {@code fail2ban-client status}; fail2ban sorts the list by name. */
	static final String STATUS = """
			Status
			|- Number of jail:\t6
			`- Jail list:\tapache, dovecot, mxcp, sasl, ssh-ddos, sshd
			""";

	/** {@code fail2ban-client status apache short}: the "short" flavor leaves the banned IP list out. */
	static final String STATUS_APACHE_SHORT = """
			Status for the jail: apache
			|- Filter
			|  |- Currently failed:\t0
			|  |- Total failed:\t0
			|  `- File list:\t/tmp/f2bx/log/apache.log
			`- Actions
			   |- Currently banned:\t3
			   `- Total banned:\t3
			""";

	/** {@code fail2ban-client status apache}: the basic flavor, all that a server without "short" prints. */
	static final String STATUS_APACHE = """
			Status for the jail: apache
			|- Filter
			|  |- Currently failed:\t0
			|  |- Total failed:\t0
			|  `- File list:\t/tmp/f2bx/log/apache.log
			`- Actions
			   |- Currently banned:\t3
			   |- Total banned:\t3
			   `- Banned IP list:\t192.0.2.1 192.0.2.2 198.51.100.0/24
			""";

	/** {@code get apache banip --with-time}: a blank and a tab separate the address from its times. */
	static final String BANIP_APACHE = """
			192.0.2.1 \t2026-11-25 11:28:31 + 43200 = 2026-11-25 23:28:31
			192.0.2.2 \t2026-11-25 11:28:31 + 43200 = 2026-11-25 23:28:31
			198.51.100.0/24 \t2026-11-25 11:28:31 + 43200 = 2026-11-25 23:28:31
			""";

	/** {@code get dovecot banip --with-time} with {@code bantime = -1}. */
	static final String BANIP_PERMANENT = "203.0.113.9 \t2026-11-25 11:28:31 + -1 = 9999-12-31 23:59:59\n";

	/** {@code get sasl banip --with-time} after {@code set sasl banip "it's" 'back\slash' $'tab\tx'}. */
	static final String BANIP_ODD = """
			it's \t2026-11-25 11:28:31 + 43200 = 2026-11-25 23:28:31
			back\\slash \t2026-11-25 11:28:31 + 43200 = 2026-11-25 23:28:31
			tab\tx \t2026-11-25 11:28:31 + 43200 = 2026-11-25 23:28:31
			""";

	/**
	 * The entries banned for {@link #BANIP_HOSTILE}, in the order given to {@code set sasl banip}, as Java strings:
	 * newlines, a whole ban line with a newline inside, a status tree, ANSI and other controls, U+2028, U+202E, a
	 * leading blank, and non-ASCII letters, which are readable.
	 */
	static final List<String> HOSTILE = List.of("203.0.113.7", "x\ny",
			"9.9.9.9 \t2026-01-01 00:00:00 + -1 = 9999-12-31 23:59:59\n8.8.8.8", "esc\u001b[31m", "cr\rx", "tab\tx",
			"bell\u0007", "nul?", "uni\u2028sep", "\u00fcn\u00ef", "z\n   |- Currently banned:\t999\n   `- Total banned:\t999",
			"\u202e1.2.3.4", " 5.5.5.5");

	/** {@code get sasl banip --with-time} holding the {@link #HOSTILE} entries. */
	static final String BANIP_HOSTILE = "203.0.113.7 \t2026-12-01 16:21:42 + 43200 = 2026-12-02 04:21:42\n"
			+ "x\ny \t2026-12-01 16:21:42 + 43200 = 2026-12-02 04:21:42\n"
			+ "9.9.9.9 \t2026-01-01 00:00:00 + -1 = 9999-12-31 23:59:59\n"
			+ "8.8.8.8 \t2026-12-01 16:21:42 + 43200 = 2026-12-02 04:21:42\n"
			+ "esc\u001b[31m \t2026-12-01 16:21:42 + 43200 = 2026-12-02 04:21:42\n"
			+ "cr\rx \t2026-12-01 16:21:42 + 43200 = 2026-12-02 04:21:42\n"
			+ "tab\tx \t2026-12-01 16:21:42 + 43200 = 2026-12-02 04:21:42\n"
			+ "bell\u0007 \t2026-12-01 16:21:42 + 43200 = 2026-12-02 04:21:42\n"
			+ "nul? \t2026-12-01 16:21:42 + 43200 = 2026-12-02 04:21:42\n"
			+ "uni\u2028sep \t2026-12-01 16:21:42 + 43200 = 2026-12-02 04:21:42\n"
			+ "\u00fcn\u00ef \t2026-12-01 16:21:42 + 43200 = 2026-12-02 04:21:42\n"
			+ "z\n   |- Currently banned:\t999\n   `- Total banned:\t999 \t2026-12-01 16:30:48 + 43200 = 2026-12-02 04:30:48\n"
			+ "\u202e1.2.3.4 \t2026-12-01 16:30:48 + 43200 = 2026-12-02 04:30:48\n"
			+ " 5.5.5.5 \t2026-12-01 16:30:48 + 43200 = 2026-12-02 04:30:48\n";

	/** The sasl part of {@code banned} holding the {@link #HOSTILE} entries: Python literals, every entry exact. */
	static final String BANNED_HOSTILE = "[{'sshd': []}, {'sasl': ['203.0.113.7', 'x\\ny', "
			+ "'9.9.9.9 \\t2026-01-01 00:00:00 + -1 = 9999-12-31 23:59:59\\n8.8.8.8', 'esc\\x1b[31m', 'cr\\rx', "
			+ "'tab\\tx', 'bell\\x07', 'nul?', 'uni\\u2028sep', '\u00fcn\u00ef', "
			+ "'z\\n   |- Currently banned:\\t999\\n   `- Total banned:\\t999', '\\u202e1.2.3.4', ' 5.5.5.5']}]\n";

	/** {@code status sasl} (the basic flavor, which an older server answers) holding the {@link #HOSTILE} entries. */
	static final String STATUS_SASL_HOSTILE = "Status for the jail: sasl\n|- Filter\n|  |- Currently failed:\t0\n"
			+ "|  |- Total failed:\t0\n|  `- File list:\t/tmp/f2bcap-BVsXso/log/sasl.log\n`- Actions\n"
			+ "   |- Currently banned:\t13\n   |- Total banned:\t13\n"
			+ "   `- Banned IP list:\t203.0.113.7 x\ny 9.9.9.9 \t2026-01-01 00:00:00 + -1 = 9999-12-31 23:59:59\n"
			+ "8.8.8.8 esc\u001b[31m cr\rx tab\tx bell\u0007 nul? uni\u2028sep \u00fcn\u00ef z\n"
			+ "   |- Currently banned:\t999\n   `- Total banned:\t999 \u202e1.2.3.4  5.5.5.5\n";

	/**
	 * Captured from fail2ban 1.0.2 (Debian 12), a private server ({@code demo.PrivateFail2ban}) with 192.0.2.1 banned
	 * in sshd and dovecot: stdout of {@code fail2ban-client unban 192.0.2.1} (2, one per jail), of
	 * {@code unban 198.51.100.1}, held nowhere (0), and of {@code unban 10.1.0.0/16} with 10.1.2.3 and 10.1.2.4 in sshd
	 * and the network itself in dovecot (3: sshd's two inside it, dovecot's entry).
	 */
	@Test
	void readsTheNumberOfBansAnUnbanRemoved() {
		assertThat(Fail2banOutput.removed("2\n")).isEqualTo(2);
		assertThat(Fail2banOutput.removed("0\n")).isZero();
		assertThat(Fail2banOutput.removed("3\n")).isEqualTo(3);
	}

	@Test
	void refusesAnUnbanAnswerThatIsNotACount() {
		for (String answer : List.of("", "OK\n", "-1\n", "1 2\n", "99999999999\n")) {
			assertThatThrownBy(() -> Fail2banOutput.removed(answer)).as(answer)
				.isInstanceOf(IllegalArgumentException.class);
		}
	}

	@Test
	void readsTheJailList() {
		assertThat(Fail2banOutput.jailList(STATUS)).containsExactly("apache", "dovecot", "mxcp", "sasl", "ssh-ddos", "sshd");
	}

	@Test
	void readsAnEmptyJailList() {
		assertThat(Fail2banOutput.jailList("Status\n|- Number of jail:\t0\n`- Jail list:\t\n")).isEmpty();
	}

	@Test
	void readsTheCountersOfAJailInEitherFlavor() {
		JailStatus expected = new JailStatus("apache", 0, 0, 3, 3, Duration.ofHours(12));

		assertThat(Fail2banOutput.jailStatus("apache", STATUS_APACHE_SHORT, Duration.ofHours(12))).isEqualTo(expected);
		assertThat(Fail2banOutput.jailStatus("apache", STATUS_APACHE, Duration.ofHours(12))).isEqualTo(expected);
	}

	@Test
	void readsBanTimesInSeconds() {
		assertThat(Fail2banOutput.seconds("43200\n")).isEqualTo(Duration.ofHours(12));
		assertThat(Fail2banOutput.seconds("3600\n")).isEqualTo(Duration.ofHours(1));
		assertThat(Fail2banOutput.seconds("-1\n")).isNegative();
	}

	@Test
	void readsBansWithStartAndEnd() {
		List<Ban> bans = bans(BANIP_APACHE, "192.0.2.1", "192.0.2.2", "198.51.100.0/24");

		assertThat(bans).extracting(Ban::address).containsExactly("192.0.2.1", "192.0.2.2", "198.51.100.0/24");
		assertThat(bans.get(0)).isEqualTo(new Ban("192.0.2.1", LocalDateTime.of(2026, 11, 25, 11, 28, 31),
				Duration.ofHours(12), LocalDateTime.of(2026, 11, 25, 23, 28, 31)));
		assertThat(bans).noneMatch(Ban::permanent);
	}

	@Test
	void readsAPermanentBan() {
		assertThat(bans(BANIP_PERMANENT, "203.0.113.9")).singleElement().satisfies(ban -> {
			assertThat(ban.permanent()).isTrue();
			assertThat(ban.end()).isEqualTo(LocalDateTime.of(9999, 12, 31, 23, 59, 59));
		});
	}

	@Test
	void keepsWhatFail2banHoldsAsTheAddressUnlessItHoldsAControlCharacter() {
		BanList list = Fail2banOutput.banList(BANIP_ODD, List.of("it's", "back\\slash", "tab\tx"));

		assertThat(list.bans()).extracting(Ban::address).containsExactly("it's", "back\\slash");
		assertThat(list.unreadable()).containsExactly("tab\tx");
	}

	@Test
	void readsAnEmptyBanList() {
		// get ssh-ddos banip --with-time on an empty jail prints one empty line
		assertThat(Fail2banOutput.banList("\n", List.of())).isEqualTo(new BanList(List.of(), List.of()));
	}

	@Test
	void readsEveryHostileEntryApartAndTheOtherBansAsTheyAre() {
		BanList list = Fail2banOutput.banList(BANIP_HOSTILE, Fail2banOutput.bannedByJail(BANNED_HOSTILE).get("sasl"));

		assertThat(list.bans()).extracting(Ban::address).containsExactly("203.0.113.7", "nul?", "\u00fcn\u00ef");
		assertThat(list.bans().get(0)).isEqualTo(new Ban("203.0.113.7", LocalDateTime.of(2026, 12, 1, 16, 21, 42),
				Duration.ofHours(12), LocalDateTime.of(2026, 12, 2, 4, 21, 42)));
		assertThat(list.unreadable()).containsExactlyInAnyOrderElementsOf(
				HOSTILE.stream().filter(entry -> !List.of("203.0.113.7", "nul?", "\u00fcn\u00ef").contains(entry)).toList());
	}

	@Test
	void makesNoBanOutOfTheLinesOfAnEntryThatSpansThem() {
		BanList list = Fail2banOutput.banList(BANIP_HOSTILE, Fail2banOutput.bannedByJail(BANNED_HOSTILE).get("sasl"));

		assertThat(list.bans()).extracting(Ban::address).doesNotContain("9.9.9.9", "8.8.8.8", "x", "y", "z");
		assertThat(list.bans()).noneMatch(Ban::permanent);
		assertThat(list.unreadable()).contains("9.9.9.9 \t2026-01-01 00:00:00 + -1 = 9999-12-31 23:59:59\n8.8.8.8");
	}

	@Test
	void takesNoLineForABanOfAnEntryTheJailDidNotHoldWhenAsked() {
		// banned ran a moment before the entry came: its lines are shown apart, not as a permanent 9.9.9.9
		List<String> heldBefore = List.of("203.0.113.7", "8.8.8.8");
		String withTime = """
				203.0.113.7 \t2026-12-01 16:21:42 + 43200 = 2026-12-02 04:21:42
				9.9.9.9 \t2026-01-01 00:00:00 + -1 = 9999-12-31 23:59:59
				8.8.8.8 \t2026-12-01 16:21:42 + 43200 = 2026-12-02 04:21:42
				8.8.8.8 \t2026-12-01 16:21:43 + 43200 = 2026-12-02 04:21:43
				""";

		BanList list = Fail2banOutput.banList(withTime, heldBefore);

		assertThat(list.bans()).extracting(Ban::address).containsExactly("203.0.113.7");
		assertThat(list.unreadable()).containsExactly("9.9.9.9", "8.8.8.8", "8.8.8.8");
	}

	@Test
	void leavesOutOfTheBansEveryLineThatIsNotACommandLine() {
		BanList list = Fail2banOutput.banList("""
				192.0.2.1 2026-11-25
				192.0.2.2 \t2026-13-25 11:28:31 + 43200 = 2026-11-25 23:28:31
				192.0.2.3 \t2026-11-25 11:28:31 + 12h = 2026-11-25 23:28:31
				 \t2026-11-25 11:28:31 + 43200 = 2026-11-25 23:28:31
				192.0.2.4 \t2026-11-25 11:28:31 + 43200 = 2026-11-25 23:28:31
				""", List.of("192.0.2.1", "192.0.2.2", "192.0.2.3", "", "192.0.2.4"));

		assertThat(list.bans()).extracting(Ban::address).containsExactly("192.0.2.4");
		assertThat(list.unreadable()).containsExactly("192.0.2.1 2026-11-25",
				"192.0.2.2 \t2026-13-25 11:28:31 + 43200 = 2026-11-25 23:28:31",
				"192.0.2.3 \t2026-11-25 11:28:31 + 12h = 2026-11-25 23:28:31", "");
	}

	@Test
	void readsTheCountersOfTheBasicFlavorWhateverTheBannedIpListHolds() {
		assertThat(Fail2banOutput.jailStatus("sasl", STATUS_SASL_HOSTILE, Duration.ofHours(12)))
			.isEqualTo(new JailStatus("sasl", 0, 0, 13, 13, Duration.ofHours(12)));
	}

	@Test
	void readsEveryHostileEntryOfBannedExactly() {
		assertThat(Fail2banOutput.bannedByJail(BANNED_HOSTILE).get("sasl")).containsExactlyElementsOf(HOSTILE);
	}

	@Test
	void readsWhatEachJailHolds() {
		Map<String, List<String>> byJail = Fail2banOutput.bannedByJail(PythonLiteralTests.BANNED);

		assertThat(byJail.keySet()).containsExactly("sshd", "ssh-ddos", "apache", "dovecot", "mxcp", "sasl");
		assertThat(byJail.get("apache")).containsExactly("192.0.2.1", "192.0.2.2", "198.51.100.0/24");
		assertThat(byJail.get("ssh-ddos")).isEmpty();
	}

	@Test
	void saysWhatItCouldNotRead() {
		assertThatThrownBy(() -> Fail2banOutput.bannedByJail("[['sshd', 'apache'], ['sshd']]"))
			.hasMessage("fail2ban-client banned printed something unexpected: '[['sshd', 'apache'], ['sshd']]'");
		assertThatThrownBy(() -> Fail2banOutput.jailList("Server replied: pong"))
			.hasMessageStartingWith("fail2ban-client status printed something unexpected");
		assertThatThrownBy(() -> Fail2banOutput.jailStatus("sshd", STATUS, Duration.ZERO))
			.hasMessageStartingWith("fail2ban-client status <jail> printed something unexpected");
		assertThatThrownBy(() -> Fail2banOutput.seconds("forever")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Fail2banOutput.jailStatus("sasl",
				STATUS_APACHE_SHORT + "   |- Currently banned:\t999\n", Duration.ZERO))
			.hasMessageStartingWith("fail2ban-client status <jail> printed something unexpected");
	}

	private static List<Ban> bans(String withTime, String... held) {
		BanList list = Fail2banOutput.banList(withTime, List.of(held));
		assertThat(list.unreadable()).isEmpty();
		return list.bans();
	}

}
