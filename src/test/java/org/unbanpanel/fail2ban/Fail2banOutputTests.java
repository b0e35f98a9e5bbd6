package org.unbanpanel.fail2ban;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every text below was captured from fail2ban 1.0.2 (Debian 12) running this project's test configuration. */
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
		List<Ban> bans = Fail2banOutput.bans(BANIP_APACHE);

		assertThat(bans).extracting(Ban::address).containsExactly("192.0.2.1", "192.0.2.2", "198.51.100.0/24");
		assertThat(bans.get(0)).isEqualTo(new Ban("192.0.2.1", LocalDateTime.of(2026, 11, 25, 11, 28, 31),
				Duration.ofHours(12), LocalDateTime.of(2026, 11, 25, 23, 28, 31)));
		assertThat(bans).noneMatch(Ban::permanent);
	}

	@Test
	void readsAPermanentBan() {
		assertThat(Fail2banOutput.bans(BANIP_PERMANENT)).singleElement().satisfies(ban -> {
			assertThat(ban.permanent()).isTrue();
			assertThat(ban.end()).isEqualTo(LocalDateTime.of(9999, 12, 31, 23, 59, 59));
		});
	}

	@Test
	void keepsWhateverFail2banHoldsAsTheAddress() {
		assertThat(Fail2banOutput.bans(BANIP_ODD)).extracting(Ban::address).containsExactly("it's", "back\\slash", "tab\tx");
	}

	@Test
	void readsAnEmptyBanList() {
		// get ssh-ddos banip --with-time on an empty jail prints one empty line
		assertThat(Fail2banOutput.bans("\n")).isEmpty();
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
		assertThatThrownBy(() -> Fail2banOutput.bans("192.0.2.1 2026-11-25"))
			.hasMessage("fail2ban-client get banip --with-time printed something unexpected: '192.0.2.1 2026-11-25'");
		assertThatThrownBy(() -> Fail2banOutput.bans("192.0.2.1 \t2026-13-25 11:28:31 + 43200 = 2026-11-25 23:28:31"))
			.hasMessageStartingWith("fail2ban-client get banip --with-time printed something unexpected");
		assertThatThrownBy(() -> Fail2banOutput.bans("192.0.2.1 \t2026-11-25 11:28:31 + 12h = 2026-11-25 23:28:31"))
			.hasMessageStartingWith("fail2ban-client get banip --with-time printed something unexpected");
		assertThatThrownBy(() -> Fail2banOutput.bans(" \t2026-11-25 11:28:31 + 43200 = 2026-11-25 23:28:31"))
			.hasMessageStartingWith("fail2ban-client get banip --with-time printed something unexpected");
		assertThatThrownBy(() -> Fail2banOutput.jailList("Server replied: pong"))
			.hasMessageStartingWith("fail2ban-client status printed something unexpected");
		assertThatThrownBy(() -> Fail2banOutput.jailStatus("sshd", STATUS, Duration.ZERO))
			.hasMessageStartingWith("fail2ban-client status <jail> printed something unexpected");
		assertThatThrownBy(() -> Fail2banOutput.seconds("forever")).isInstanceOf(IllegalArgumentException.class);
	}

}
