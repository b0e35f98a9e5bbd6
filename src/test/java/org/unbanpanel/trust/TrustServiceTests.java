package org.unbanpanel.trust;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.unbanpanel.audit.AuditAction;
import org.unbanpanel.audit.AuditEvent;
import org.unbanpanel.audit.AuditTrail;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.fail2ban.Fail2ban;
import org.unbanpanel.fail2ban.Fail2banException;
import org.unbanpanel.jobs.JobTrusts;
import org.unbanpanel.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * Trusts and their ends, with fail2ban mocked and the time given by fixed clocks: a service built with a later clock
 * on the same database is the same panel later, or after a restart.
 */
class TrustServiceTests {

	private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");

	private static final List<String> JAILS = List.of("sshd", "dovecot", "sasl");

	private final TestDatabase database = new TestDatabase();

	private final TrustRepository repository = new TrustRepository(database.jdbc());

	private final Fail2ban fail2ban = mock(Fail2ban.class);

	private final List<Object> events = new ArrayList<>();

	private final Fail2ban mail = mock(Fail2ban.class);

	private final TrustHosts hosts = new TrustHosts(name -> switch (name.value()) {
		case "local" -> Optional.of(fail2ban);
		case "mail" -> Optional.of(mail);
		default -> Optional.empty();
	}, 2);

	@AfterEach
	void closeHosts() {
		hosts.close();
	}

	@BeforeEach
	void fail2banHasThreeJails() {
		when(fail2ban.jails()).thenReturn(JAILS);
	}

	@Test
	void addsTheAddressesToEveryJailsIgnoreListAndRemembersUntilWhen() {
		panelAt(START).trust("local", targets("203.0.113.7", "2001:db8::6"), Duration.ofHours(12), "alice", "198.51.100.2", 7L);

		verify(fail2ban).addIgnore(JAILS, targets("203.0.113.7", "2001:db8::6"));
		assertThat(panelAt(START).current()).extracting(Trust::address, Trust::expiresAt, Trust::createdBy, Trust::jobId)
			.containsExactly(tuple("203.0.113.7", START.plus(Duration.ofHours(12)), "alice", 7L),
					tuple("2001:db8::6", START.plus(Duration.ofHours(12)), "alice", 7L));
		assertThat(events).isNotEmpty();
		assertThat(audit()).extracting(AuditEvent::action, AuditEvent::target)
			.containsExactlyInAnyOrder(tuple(AuditAction.TRUSTED, "203.0.113.7"),
					tuple(AuditAction.TRUSTED, "2001:db8::6"));
	}

	@Test
	void keepsTheLaterEndWhenAnAddressIsTrustedAgain() {
		panelAt(START).trust("local", targets("203.0.113.7"), Duration.ofHours(24), "alice", "198.51.100.2", null);
		panelAt(START.plus(Duration.ofHours(1))).trust("local", targets("203.0.113.7"), Duration.ofHours(1), "bob", "198.51.100.3",
				null);

		assertThat(panelAt(START).current()).singleElement().satisfies(trust -> {
			assertThat(trust.expiresAt()).isEqualTo(START.plus(Duration.ofHours(24)));
			assertThat(trust.createdBy()).isEqualTo("bob");
		});
	}

	@Test
	void endsATrustWhenItsTimeRunsOutAndNotBefore() {
		panelAt(START).trust("local", targets("203.0.113.7"), Duration.ofHours(1), "alice", "198.51.100.2", null);
		panelAt(START).trust("local", targets("198.51.100.9"), Duration.ofHours(12), "alice", "198.51.100.2", null);

		assertThat(panelAt(START.plus(Duration.ofMinutes(59))).expireDue()).contains(START.plus(Duration.ofHours(1)));
		verify(fail2ban, never()).removeIgnore(anyCollection(), anyCollection());

		Optional<Instant> next = panelAt(START.plus(Duration.ofHours(1))).expireDue();

		verify(fail2ban).removeIgnore(JAILS, targets("203.0.113.7"));
		assertThat(next).contains(START.plus(Duration.ofHours(12)));
		assertThat(panelAt(START).current()).extracting(Trust::address).containsExactly("198.51.100.9");
		assertThat(audit()).extracting(AuditEvent::action, AuditEvent::target, AuditEvent::detail)
			.contains(tuple(AuditAction.TRUST_ENDED, "203.0.113.7", "expired"));
	}

	@Test
	void onStartEndsWhatExpiredWhileStoppedAndAddsTheRestAgain() {
		panelAt(START).trust("local", targets("203.0.113.7"), Duration.ofHours(1), "alice", "198.51.100.2", null);
		panelAt(START).trust("local", targets("198.51.100.9"), Duration.ofHours(12), "alice", "198.51.100.2", null);

		Optional<Instant> next = panelAt(START.plus(Duration.ofHours(2))).maintain();

		InOrder order = inOrder(fail2ban);
		order.verify(fail2ban).removeIgnore(JAILS, targets("203.0.113.7"));
		order.verify(fail2ban).addIgnore(JAILS, targets("198.51.100.9"));
		assertThat(next).contains(START.plus(Duration.ofHours(12)));
	}

	@Test
	void putsATrustBackOnlyOnTheIgnoreListsThatLostIt() {
		panelAt(START).trust("local", targets("203.0.113.7", "198.51.100.9"), Duration.ofHours(1), "alice", "198.51.100.2",
				null);
		when(fail2ban.ignored("sshd")).thenReturn(List.of("127.0.0.1/8", "198.51.100.9", "203.0.113.7"));
		when(fail2ban.ignored("dovecot")).thenReturn(List.of("203.0.113.7"));
		clearInvocations(fail2ban);

		panelAt(START.plus(Duration.ofMinutes(1))).maintain();

		verify(fail2ban).addIgnore(List.of("dovecot", "sasl"), targets("198.51.100.9"));
		verify(fail2ban).addIgnore(List.of("sasl"), targets("203.0.113.7"));
		verify(fail2ban, never()).removeIgnore(any(), any());
	}

	@Test
	void asksNothingOfFail2banWhenNoTrustIsCurrent() {
		panelAt(START).maintain();

		verifyNoInteractions(fail2ban);
	}

	@Test
	void keepsAnExpiredTrustUntilFail2banHasRemovedIt() {
		panelAt(START).trust("local", targets("203.0.113.7"), Duration.ofHours(1), "alice", "198.51.100.2", null);
		doThrow(new Fail2banException(Fail2banException.Reason.UNREACHABLE,
				Explanation.of("fail2ban.noSocket", "/run/fail2ban/fail2ban.sock")))
			.when(fail2ban).removeIgnore(any(), any());
		TrustService later = panelAt(START.plus(Duration.ofHours(2)));

		assertThatThrownBy(later::expireDue).isInstanceOf(Fail2banException.class);

		assertThat(later.current()).extracting(Trust::address).containsExactly("203.0.113.7");
	}

	@Test
	void keepsATrustFail2banCouldNotAddSoThatItsEndIsStillHandled() {
		doThrow(new Fail2banException(Fail2banException.Reason.REFUSED, Explanation.of("fail2ban.refused", "NOK")))
			.when(fail2ban).addIgnore(any(), any());

		assertThatThrownBy(() -> panelAt(START).trust("local", targets("203.0.113.7"), Duration.ofHours(1), "alice",
				"198.51.100.2", null)).isInstanceOf(Fail2banException.class);

		assertThat(panelAt(START).current()).extracting(Trust::address).containsExactly("203.0.113.7");
		assertThat(audit()).extracting(AuditEvent::action, AuditEvent::target, AuditEvent::detail)
			.containsExactly(tuple(AuditAction.TRUST_FAILED, "203.0.113.7", "fail2ban refused: NOK"));
	}

	/**
	 * Issue 9: "a trust refused while fail2ban is unreachable is not stored, so nothing retries it". It is stored, the
	 * job's page says why it is not applied yet, the lists are to be checked, and the check applies it.
	 */
	@Test
	void storesATrustWhileFail2banCannotBeAskedAndPutsItOnTheListsWhenItAnswers() {
		when(fail2ban.jails()).thenThrow(new Fail2banException(Fail2banException.Reason.UNREACHABLE,
				Explanation.of("fail2ban.noSocket", "/run/fail2ban/fail2ban.sock"))).thenReturn(JAILS);
		when(fail2ban.ignored("sasl")).thenReturn(List.of("203.0.113.7"));

		assertThatThrownBy(() -> panelAt(START).trust("local", targets("203.0.113.7"), Duration.ofHours(1), "alice",
				"198.51.100.2", 9L)).isInstanceOf(Fail2banException.class);

		assertThat(panelAt(START).current()).singleElement().satisfies(trust -> {
			assertThat(trust.applied()).isFalse();
			assertThat(trust.keptIn()).as("not known yet").isNull();
		});
		assertThat(panelAt(START).reportsOf(9L)).containsExactly(entry("local", new JobTrusts.Report(false, "fail2ban is not running (no socket at /run/fail2ban/fail2ban.sock)")));
		assertThat(events).contains(new TrustsChanged(true));

		panelAt(START.plus(Duration.ofMinutes(1))).maintain();

		verify(fail2ban).addIgnore(List.of("sshd", "dovecot"), targets("203.0.113.7"));
		assertThat(panelAt(START).current()).singleElement().satisfies(trust -> {
			assertThat(trust.applied()).isTrue();
			assertThat(trust.keptIn()).as("sasl ignored it before, by its configuration").containsExactly("sasl");
		});
		assertThat(panelAt(START).reportsOf(9L)).containsExactly(entry("local", new JobTrusts.Report(true, null)));
		assertThat(audit()).extracting(AuditEvent::action, AuditEvent::target)
			.containsExactlyInAnyOrder(tuple(AuditAction.TRUST_FAILED, "203.0.113.7"),
					tuple(AuditAction.TRUSTED, "203.0.113.7"));
	}

	@Test
	void leavesTheListsAloneAtTheEndOfATrustFail2banNeverTook() {
		when(fail2ban.jails()).thenThrow(new Fail2banException(Fail2banException.Reason.UNREACHABLE,
				Explanation.of("fail2ban.noSocket", "/run/fail2ban/fail2ban.sock"))).thenReturn(JAILS);
		assertThatThrownBy(() -> panelAt(START).trust("local", targets("203.0.113.7"), Duration.ofHours(1), "alice",
				"198.51.100.2", null)).isInstanceOf(Fail2banException.class);

		panelAt(START.plus(Duration.ofHours(2))).expireDue();

		verify(fail2ban, never()).removeIgnore(any(), any());
		assertThat(panelAt(START).current()).isEmpty();
	}

	@Test
	void leavesAnAddressOnTheListsOfTheJailsThatIgnoredItBeforeItsTrust() {
		when(fail2ban.ignored("dovecot")).thenReturn(List.of("127.0.0.1/8", "203.0.113.0/24", "mail.example.org"));
		panelAt(START).trust("local", targets("203.0.113.0/24", "198.51.100.9"), Duration.ofHours(1), "alice", "198.51.100.2",
				null);
		when(fail2ban.ignored("dovecot")).thenReturn(List.of("127.0.0.1/8", "203.0.113.0/24", "198.51.100.9"));
		panelAt(START).trust("local", targets("198.51.100.9"), Duration.ofHours(2), "alice", "198.51.100.2", null);

		panelAt(START.plus(Duration.ofHours(3))).expireDue();

		verify(fail2ban).removeIgnore(List.of("sshd", "sasl"), targets("203.0.113.0/24"));
		verify(fail2ban).removeIgnore(JAILS, targets("198.51.100.9"));
	}

	@Test
	void endsATrustEarlyOnRequest() {
		panelAt(START).trust("local", targets("203.0.113.7"), Duration.ofHours(24), "alice", "198.51.100.2", 3L);
		long id = panelAt(START).current().get(0).id();

		Optional<Trust> ended = panelAt(START.plus(Duration.ofMinutes(5))).end(id, "bob", "198.51.100.3");

		assertThat(ended).map(Trust::address).contains("203.0.113.7");
		verify(fail2ban).removeIgnore(JAILS, targets("203.0.113.7"));
		assertThat(panelAt(START).current()).isEmpty();
		assertThat(panelAt(START).end(id, "bob", "198.51.100.3")).isEmpty();
		assertThat(audit()).extracting(AuditEvent::action, AuditEvent::username, AuditEvent::detail)
			.contains(tuple(AuditAction.TRUST_ENDED, "bob", "ended early"));
	}

	@Test
	void trustsNothingForNoTimeOrNoAddress() {
		panelAt(START).trust("local", targets("203.0.113.7"), Duration.ZERO, "alice", "198.51.100.2", null);
		panelAt(START).trust("local", List.of(), Duration.ofHours(1), "alice", "198.51.100.2", null);

		verify(fail2ban, never()).addIgnore(anyCollection(), anyCollection());
		assertThat(panelAt(START).current()).isEmpty();
	}

	@Test
	void trustsOnEachHostItsOwnAddressesAndKeepsAHostThatCannotBeReachedPending() {
		when(mail.jails()).thenReturn(List.of("postfix"));
		when(mail.ignored(any())).thenReturn(List.of());
		when(fail2ban.ignored(any())).thenReturn(List.of());
		doThrow(new Fail2banException(Fail2banException.Reason.UNREACHABLE, Explanation.of("fail2ban.noSocket", "/x")))
			.when(mail)
			.addIgnore(anyCollection(), anyCollection());
		Map<String, List<BanTarget>> released = new LinkedHashMap<>();
		released.put("local", targets("203.0.113.7"));
		released.put("mail", targets("198.51.100.9"));

		assertThatThrownBy(() -> panelAt(START).trust(released, Duration.ofHours(1), "alice", "198.51.100.2", 4L))
			.isInstanceOf(Fail2banException.class);

		verify(fail2ban).addIgnore(JAILS, targets("203.0.113.7"));
		verify(mail).addIgnore(List.of("postfix"), targets("198.51.100.9"));
		assertThat(panelAt(START).current()).extracting(Trust::host, Trust::address, Trust::applied)
			.containsExactlyInAnyOrder(tuple("local", "203.0.113.7", true), tuple("mail", "198.51.100.9", false));
		assertThat(panelAt(START).reportsOf(4L)).containsOnlyKeys("local", "mail")
			.hasEntrySatisfying("local", report -> assertThat(report.applied()).isTrue())
			.hasEntrySatisfying("mail", report -> assertThat(report.problem()).isNotNull());

		doNothing().when(mail).addIgnore(anyCollection(), anyCollection());
		panelAt(START.plus(Duration.ofMinutes(1))).maintain();

		verify(mail, times(2)).addIgnore(List.of("postfix"), targets("198.51.100.9"));
		assertThat(panelAt(START).current()).allSatisfy(trust -> assertThat(trust.applied()).isTrue());
		assertThat(panelAt(START).reportsOf(4L).get("mail")).isEqualTo(new JobTrusts.Report(true, null));
	}

	@Test
	void endsEachHostsTrustOnItsOwnFail2banAndTheOthersWhileOneCannotBeReached() {
		when(mail.jails()).thenReturn(List.of("postfix"));
		when(mail.ignored(any())).thenReturn(List.of());
		when(fail2ban.ignored(any())).thenReturn(List.of());
		panelAt(START).trust("local", targets("203.0.113.7"), Duration.ofHours(1), "alice", "198.51.100.2", null);
		panelAt(START).trust("mail", targets("203.0.113.7"), Duration.ofHours(1), "alice", "198.51.100.2", null);
		when(mail.jails()).thenThrow(new Fail2banException(Fail2banException.Reason.UNREACHABLE,
				Explanation.of("fail2ban.noSocket", "/x")));

		assertThatThrownBy(panelAt(START.plus(Duration.ofHours(2)))::expireDue).isInstanceOf(Fail2banException.class);

		verify(fail2ban).removeIgnore(JAILS, targets("203.0.113.7"));
		assertThat(panelAt(START).current()).extracting(Trust::host).containsExactly("mail");
	}

	@Test
	void keepsATrustOfAHostNoLongerInThePanelUntilItIsBack() {
		assertThatThrownBy(() -> panelAt(START).trust("gone", targets("203.0.113.7"), Duration.ofHours(1), "alice",
				"198.51.100.2", 5L))
			.isInstanceOf(Fail2banException.class);

		assertThat(panelAt(START).current()).extracting(Trust::host, Trust::applied).containsExactly(tuple("gone", false));
		verifyNoInteractions(mail);
	}

	private TrustService panelAt(Instant now) {
		Clock clock = Clock.fixed(now, ZoneOffset.UTC);
		return new TrustService(repository, hosts, new AuditTrail(database.jdbc(), clock), clock, events::add);
	}

	private List<AuditEvent> audit() {
		return new AuditTrail(database.jdbc(), Clock.systemUTC()).recent(100);
	}

	private static List<BanTarget> targets(String... values) {
		return List.of(values).stream().map(BanTarget::parse).toList();
	}

}
