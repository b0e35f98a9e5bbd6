package org.unbanpanel.jails;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.core.InvalidValueException;
import org.unbanpanel.fail2ban.BanList;
import org.unbanpanel.fail2ban.Fail2ban;
import org.unbanpanel.fail2ban.Fail2banException;
import org.unbanpanel.fail2ban.Fail2bans;
import org.unbanpanel.fail2ban.JailRules;
import org.unbanpanel.fail2ban.JailSettings;
import org.unbanpanel.fail2ban.JailStatus;
import org.unbanpanel.fail2ban.LogSources;
import org.unbanpanel.hosts.Host;
import org.unbanpanel.hosts.HostAnswer;
import org.unbanpanel.hosts.HostName;
import org.unbanpanel.hosts.Hosts;
import org.unbanpanel.hosts.NoSuchHostException;
import org.unbanpanel.testsupport.AskedHosts;
import org.unbanpanel.trust.Trust;
import org.unbanpanel.trust.TrustService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willCallRealMethod;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

class JailsServiceTests {

	private final Fail2ban fail2ban = mock(Fail2ban.class);

	private final JailSettings settings = mock(JailSettings.class);

	private final TrustService trusts = mock(TrustService.class);

	private final Host local = AskedHosts.host(HostName.LOCAL);

	private final Host mail = AskedHosts.host(HostName.parse("mail"));

	private final Hosts hosts = mock(Hosts.class);

	private final Fail2bans fail2bans = mock(Fail2bans.class);

	private final JailsService service = new JailsService(hosts, fail2bans, trusts,
			Clock.fixed(Instant.parse("2026-11-25T11:00:00Z"), ZoneOffset.UTC));

	JailsServiceTests() {
		given(hosts.find(HostName.LOCAL)).willReturn(Optional.of(local));
		given(hosts.find(HostName.parse("mail"))).willReturn(Optional.of(mail));
		willCallRealMethod().given(hosts).named(anyString());
		given(fail2bans.on(local)).willReturn(fail2ban);
		given(fail2bans.settingsOn(local)).willReturn(settings);
	}

	@Test
	void marksATrustWhoseJailsFail2banCouldNotNameYetAsThePanels() {
		given(settings.rules("dovecot")).willReturn(new JailRules("dovecot", 5, Duration.ofMinutes(10),
				Duration.ofHours(12), null, new LogSources(List.of("/var/log/mail.log"), List.of()), List.of("dummy"),
				List.of("203.0.113.50")));
		Instant end = Instant.parse("2026-11-25T23:00:00Z");
		given(trusts.current()).willReturn(List.of(new Trust(1, "local", "203.0.113.50", end.minusSeconds(60), end,
				"admin", "192.0.2.1", 4L, null, false)));

		assertThat(service.rules("local", "dovecot").ignoreIp())
			.containsExactly(new JailRulesView.IgnoreEntry("203.0.113.50", false, end, "admin"));
	}

	@Test
	void marksEachIgnoredAddressAsFail2bansOwnOrAPanelTrust() {
		given(settings.rules("dovecot")).willReturn(new JailRules("dovecot", 5, Duration.ofMinutes(10),
				Duration.ofHours(12), null, new LogSources(List.of("/var/log/mail.log"), List.of()), List.of("dummy"),
				List.of("10.1.2.0/24", "203.0.113.50", "198.51.100.7")));
		Instant end = Instant.parse("2026-11-25T23:00:00Z");
		given(trusts.current()).willReturn(List.of(
				new Trust(1, "local", "203.0.113.50", end.minusSeconds(60), end, "admin", "192.0.2.1", 4L, List.of(), true),
				new Trust(2, "local", "198.51.100.7", end.minusSeconds(60), end, "admin", "192.0.2.1", 5L, List.of("dovecot"), true)));

		JailRulesView view = service.rules("local", "dovecot");

		assertThat(view.ignoreIp()).containsExactly(new JailRulesView.IgnoreEntry("10.1.2.0/24", true, null, null),
				new JailRulesView.IgnoreEntry("203.0.113.50", false, end, "admin"),
				new JailRulesView.IgnoreEntry("198.51.100.7", true, end, "admin"));
	}

	@Test
	void callsAJailWhoseRulesFail2banRefusesAndDoesNotListUnknown() {
		given(settings.rules("nosuch")).willThrow(refused());
		given(fail2ban.jails()).willReturn(List.of("sshd"));

		assertThatExceptionOfType(UnknownJailException.class).isThrownBy(() -> service.rules("local", "nosuch"));
	}

	@Test
	void summarisesEachJailWithItsBanTime() {
		given(fail2ban.statusOfAllJails()).willReturn(List.of(new JailStatus("mxcp", 1, 2, 3, 4, Duration.ofHours(1)),
				new JailStatus("recidive", 0, 0, 0, 0, Duration.ofSeconds(-1))));

		assertThat(service.overview("local")).containsExactly(new JailSummary("local", "mxcp", 1, 2, 3, 4, 3600, false, null),
				new JailSummary("local", "recidive", 0, 0, 0, 0, -1, true, null));
	}

	@Test
	void marksWhatItShowsAsTheLastKnownStateWhileFail2banIsSilent() {
		Instant silentSince = Instant.parse("2026-11-25T10:59:48Z");
		given(fail2ban.statusOfAllJails()).willReturn(List.of(new JailStatus("mxcp", 1, 2, 3, 4, Duration.ofHours(1))));
		given(fail2ban.banList("mxcp")).willReturn(new BanList(List.of(), List.of()));
		given(fail2ban.notAnsweringSince()).willReturn(Optional.of(silentSince));

		assertThat(service.overview("local")).extracting(JailSummary::notAnsweringSince).containsExactly(silentSince);
		assertThat(service.bans("local", "mxcp", BanQuery.of("", 1, 50)).notAnsweringSince()).isEqualTo(silentSince);
	}

	@Test
	void callsAJailFail2banRefusesAndDoesNotListUnknown() {
		given(fail2ban.banList("nosuch")).willThrow(refused());
		given(fail2ban.jails()).willReturn(List.of("sshd"));

		assertThatExceptionOfType(UnknownJailException.class).isThrownBy(() -> service.bans("local", "nosuch", BanQuery.of("", 1, 50)))
			.satisfies(ex -> assertThat(ex.jail()).isEqualTo("nosuch"));
	}

	@Test
	void callsAJailNameFail2banCouldNotTakeUnknown() {
		given(fail2ban.banList("-x")).willThrow(new InvalidValueException("-x", "invalid.jail.name", "is not a jail name"));

		assertThatExceptionOfType(UnknownJailException.class).isThrownBy(() -> service.bans("local", "-x", BanQuery.of("", 1, 50)));
	}

	@Test
	void passesOnARefusalForAJailThatExists() {
		given(fail2ban.banList("sshd")).willThrow(refused());
		given(fail2ban.jails()).willReturn(List.of("sshd"));

		assertThatExceptionOfType(Fail2banException.class).isThrownBy(() -> service.bans("local", "sshd", BanQuery.of("", 1, 50)));
	}

	@Test
	void groupsTheJailsByHostAndSaysWhyAHostGaveNone() {
		given(fail2ban.statusOfAllJails()).willReturn(List.of(new JailStatus("sshd", 0, 3, 1, 2, Duration.ofHours(12))));
		Explanation unreachable = Explanation.of("hosts.problem.unreachable", "mail (192.0.2.25:22)", "connection refused");
		given(hosts.ask(any())).willAnswer(invocation -> {
			Function<Host, List<JailSummary>> question = invocation.getArgument(0);
			return List.of(new HostAnswer<>(HostName.LOCAL, question.apply(local), null),
					new HostAnswer<>(mail.name(), null, unreachable));
		});

		List<HostJails> overview = service.overview();

		assertThat(overview).containsExactly(
				new HostJails("local", true, List.of(new JailSummary("local", "sshd", 0, 3, 1, 2, 43_200, false, null)), null),
				new HostJails("mail", false, null, unreachable));
	}

	@Test
	void readsAnotherHostsJailFromThatHostsFail2banAndMarksNoTrustOfThePanelThere() {
		Fail2ban mailFail2ban = mock(Fail2ban.class);
		JailSettings mailSettings = mock(JailSettings.class);
		given(fail2bans.on(mail)).willReturn(mailFail2ban);
		given(fail2bans.settingsOn(mail)).willReturn(mailSettings);
		given(mailFail2ban.banList("dovecot")).willReturn(new BanList(List.of(), List.of()));
		given(mailSettings.rules("dovecot")).willReturn(new JailRules("dovecot", 5, Duration.ofMinutes(10),
				Duration.ofHours(12), null, new LogSources(List.of("/var/log/mail.log"), List.of()), List.of("dummy"),
				List.of("203.0.113.50")));
		Instant end = Instant.parse("2026-11-25T23:00:00Z");
		given(trusts.current()).willReturn(List.of(
				new Trust(1, "local", "203.0.113.50", end.minusSeconds(60), end, "admin", "192.0.2.1", 4L, List.of(), true)));

		assertThat(service.bans("mail", "dovecot", BanQuery.of("", 1, 50)).held()).isZero();
		assertThat(service.rules("mail", "dovecot").ignoreIp())
			.containsExactly(new JailRulesView.IgnoreEntry("203.0.113.50", true, null, null));
		verifyNoInteractions(fail2ban, settings);
	}

	@ParameterizedTest
	@ValueSource(strings = { "backup", "Mail", "../local", "local;id", "" })
	void refusesAHostThePanelDoesNotHaveOrThatIsNoHostNameBeforeAskingAnything(String host) {
		assertThatExceptionOfType(NoSuchHostException.class).isThrownBy(() -> service.bans(host, "sshd", BanQuery.of("", 1, 50)))
			.satisfies(ex -> assertThat(ex.host()).isEqualTo(host));
		assertThatExceptionOfType(NoSuchHostException.class).isThrownBy(() -> service.overview(host));
		verifyNoInteractions(fail2bans);
	}

	private static Fail2banException refused() {
		return new Fail2banException(Fail2banException.Reason.REFUSED,
				Explanation.of("fail2ban.refused", "Sorry but the jail does not exist"));
	}

}
