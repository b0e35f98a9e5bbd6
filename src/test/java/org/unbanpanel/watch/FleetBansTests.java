package org.unbanpanel.watch;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.fail2ban.Fail2ban;
import org.unbanpanel.fail2ban.Fail2banException;
import org.unbanpanel.fail2ban.Fail2bans;
import org.unbanpanel.fail2ban.HeldBan;
import org.unbanpanel.hosts.Host;
import org.unbanpanel.hosts.HostAnswer;
import org.unbanpanel.hosts.HostName;
import org.unbanpanel.hosts.Hosts;
import org.unbanpanel.testsupport.AskedHosts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/** Which hosts the watch asks, and what for; over real sshd hosts in WatchAcrossHostsIntegrationTests. */
class FleetBansTests {

	private static final BanTarget ADDRESS = BanTarget.parse("192.0.2.7");

	private static final HostName MAIL = HostName.parse("mail");

	private final Hosts hosts = mock(Hosts.class);

	private final Fail2bans fail2bans = mock(Fail2bans.class);

	private final Fail2ban mailFail2ban = mock(Fail2ban.class);

	private final Host local = AskedHosts.host(HostName.LOCAL);

	private final Host mail = AskedHosts.host(MAIL);

	private final FleetBans bans = new FleetBans(hosts, fail2bans);

	@Test
	void asksEachHostWithWatchedAddressesForThemAndNothingOfTheOthersNorOfAHostThePanelNoLongerHas() {
		AskedHosts.asks(hosts, local, mail);
		given(fail2bans.on(mail)).willReturn(mailFail2ban);
		given(mailFail2ban.whereBannedNow(List.of(ADDRESS)))
			.willReturn(Map.of(ADDRESS, List.of(new HeldBan("sasl", "192.0.2.7", HeldBan.Overlap.OWN))));

		List<HostAnswer<Map<BanTarget, List<HeldBan>>>> answers = bans
			.whereBannedNow(Map.of(MAIL, List.of(ADDRESS), HostName.parse("removed"), List.of(ADDRESS)));

		assertThat(answers).singleElement().satisfies(answer -> {
			assertThat(answer.host()).isEqualTo(MAIL);
			assertThat(answer.value().get(ADDRESS)).extracting(HeldBan::jail).containsExactly("sasl");
		});
		verify(fail2bans, never()).on(local);
	}

	@Test
	void aHostWhoseFail2banCannotBeAskedAnswersWithWhy() {
		AskedHosts.asks(hosts, local, mail);
		given(fail2bans.on(mail)).willReturn(mailFail2ban);
		given(mailFail2ban.whereBannedNow(List.of(ADDRESS))).willThrow(new Fail2banException(
				Fail2banException.Reason.UNREACHABLE, Explanation.of("fail2ban.hung", "timed out after 5 s")));

		assertThat(bans.whereBannedNow(Map.of(MAIL, List.of(ADDRESS)))).singleElement()
			.satisfies(answer -> assertThat(answer.problem().code()).isEqualTo("fail2ban.hung"));
	}

}
