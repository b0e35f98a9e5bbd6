package org.unbanpanel.links;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.fail2ban.Fail2ban;
import org.unbanpanel.fail2ban.Fail2banException;
import org.unbanpanel.fail2ban.Fail2bans;
import org.unbanpanel.fail2ban.HeldBan;
import org.unbanpanel.hosts.Host;
import org.unbanpanel.hosts.HostName;
import org.unbanpanel.hosts.Hosts;
import org.unbanpanel.jobs.JobService;
import org.unbanpanel.jobs.ReleaseRequest;
import org.unbanpanel.security.SecretGuard;
import org.unbanpanel.security.SecretGuards;
import org.unbanpanel.testsupport.AskedHosts;
import org.unbanpanel.testsupport.FixedClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

class LinkServiceTests {

	static final String TOKEN = "AbCdEfGhIjKlMnOpQrStUv";

	static final String VISITOR = "203.0.113.7";

	static final BanTarget ADDRESS = BanTarget.parse(VISITOR);

	private final LinkRepository links = mock(LinkRepository.class);

	private final JobService jobs = mock(JobService.class);

	private final Fail2ban fail2ban = mock(Fail2ban.class);

	private final Fail2ban mailFail2ban = mock(Fail2ban.class);

	private final Hosts hosts = mock(Hosts.class);

	private final Fail2bans fail2bans = mock(Fail2bans.class);

	private final Host local = AskedHosts.host(HostName.LOCAL);

	private final Host mail = AskedHosts.host(HostName.parse("mail"));

	private final SecretGuard guard = mock(SecretGuard.class);

	private final SecretGuard.Try attempt = mock(SecretGuard.Try.class);

	private final ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);

	private final LinksProperties properties = new LinksProperties(Duration.ofHours(24), 1,
			List.of("recidive", "unban-panel"), null, new LinksProperties.Throttle(5, Duration.ofMinutes(10),
					Duration.ofMinutes(1), Duration.ofHours(1)));

	private LinkService service;

	@BeforeEach
	void service() {
		SecretGuards guards = mock(SecretGuards.class);
		given(guards.guard(LinkService.AUTH_LOG_SUBJECT, properties.throttle().limits())).willReturn(guard);
		given(guard.begin(VISITOR)).willReturn(attempt);
		AskedHosts.asks(hosts, local);
		given(fail2bans.on(local)).willReturn(fail2ban);
		given(fail2bans.on(mail)).willReturn(mailFail2ban);
		service = new LinkService(links, jobs, hosts, fail2bans, guards, properties, events,
				mock(PlatformTransactionManager.class), Clock.fixed(FixedClock.NOW, ZoneOffset.UTC));
	}

	@Test
	void countsAMalformedTokenAsWrongWithoutLookingItUp() {
		assertThat(service.visit("' OR 1=1 --", VISITOR).kind()).isEqualTo(Visit.Kind.UNKNOWN);

		verify(attempt).wrong();
		verifyNoInteractions(links, fail2ban, jobs);
	}

	@Test
	void countsAnUnknownTokenAsWrong() {
		given(links.byTokenHash(Token.hash(TOKEN))).willReturn(Optional.empty());

		assertThat(service.release(TOKEN, VISITOR).kind()).isEqualTo(Visit.Kind.UNKNOWN);

		verify(attempt).wrong();
		verifyNoInteractions(fail2ban, jobs);
	}

	@Test
	void looksNothingUpForAThrottledAddress() {
		given(guard.begin(VISITOR)).willThrow(new SecretGuard.Refused(Duration.ofSeconds(90)));

		Visit visit = service.visit(TOKEN, VISITOR);

		assertThat(visit.kind()).isEqualTo(Visit.Kind.THROTTLED);
		assertThat(visit.retryAfterSeconds()).isEqualTo(90);
		verifyNoInteractions(links, fail2ban, jobs);
	}

	@Test
	void showsOnlyTheLinksJailsAndLeavesNetworkBansAndProtectedJailsToAnAdmin() {
		known(link(List.of(), false));
		held(new HeldBan("dovecot", VISITOR, HeldBan.Overlap.OWN),
				new HeldBan("sasl", "203.0.113.0/24", HeldBan.Overlap.AROUND),
				new HeldBan("recidive", VISITOR, HeldBan.Overlap.OWN));

		Visit visit = service.visit(TOKEN, VISITOR);

		assertThat(visit.kind()).isEqualTo(Visit.Kind.OPEN);
		assertThat(visit.releasable()).containsExactly("dovecot");
		assertThat(visit.adminOnly()).containsExactly("sasl", "recidive");
		verify(attempt, never()).wrong();
	}

	@Test
	void neverShowsAJailTheLinkDoesNotName() {
		known(link(List.of("dovecot"), false));
		held(new HeldBan("sshd", VISITOR, HeldBan.Overlap.OWN));

		Visit visit = service.visit(TOKEN, VISITOR);

		assertThat(visit.releasable()).isEmpty();
		assertThat(visit.adminOnly()).isEmpty();
		assertThat(visit.offersRelease()).isFalse();
	}

	@Test
	void releasesFromAProtectedJailOnlyWhenTheLinkSaysSo() {
		known(link(List.of(), true));
		held(new HeldBan("recidive", VISITOR, HeldBan.Overlap.OWN));

		assertThat(service.visit(TOKEN, VISITOR).releasable()).containsExactly("recidive");
	}

	@Test
	void queuesAJobForTheJailsThatHoldTheVisitorCountsTheUseAndPublishesIt() {
		known(link(List.of("dovecot", "sasl"), false));
		held(new HeldBan("dovecot", VISITOR, HeldBan.Overlap.OWN), new HeldBan("sshd", VISITOR, HeldBan.Overlap.OWN));
		given(links.claimUse(12, FixedClock.NOW)).willReturn(true);
		ReleaseRequest request = new ReleaseRequest(List.of(ADDRESS), List.of(), Duration.ZERO, List.of("dovecot"),
				List.of(HostName.LOCAL));
		given(jobs.submit(request, "release link 12", VISITOR)).willReturn(42L);
		given(links.recordUse(12, FixedClock.NOW, VISITOR, LinkUse.Outcome.RELEASED, 42L)).willReturn(7L);

		Visit visit = service.release(TOKEN, VISITOR);

		assertThat(visit.kind()).isEqualTo(Visit.Kind.RELEASING);
		assertThat(visit.useId()).isEqualTo(7);
		verify(events).publishEvent(new ReleaseLinkUsed(12, "Office Gràcia, fix Thunderbird", ADDRESS, 42, FixedClock.NOW));
	}

	@Test
	void releasesTheVisitorOnTheHostsWhereTheLinksJailsHoldIt() {
		AskedHosts.asks(hosts, local, mail);
		known(link(List.of("dovecot", "sasl"), false));
		held();
		given(mailFail2ban.whereBanned(List.of(ADDRESS)))
			.willReturn(Map.of(ADDRESS, List.of(new HeldBan("sasl", VISITOR, HeldBan.Overlap.OWN))));
		given(links.claimUse(12, FixedClock.NOW)).willReturn(true);
		ReleaseRequest request = new ReleaseRequest(List.of(ADDRESS), List.of(), Duration.ZERO, List.of("sasl"),
				List.of(mail.name()));
		given(jobs.submit(request, "release link 12", VISITOR)).willReturn(43L);
		given(links.recordUse(12, FixedClock.NOW, VISITOR, LinkUse.Outcome.RELEASED, 43L)).willReturn(8L);

		assertThat(service.visit(TOKEN, VISITOR).releasable()).containsExactly("sasl");
		assertThat(service.release(TOKEN, VISITOR).useId()).isEqualTo(8);
	}

	@Test
	void cannotSayWhetherTheVisitorIsBlockedWhileAHostThatMayHoldItCannotBeAsked() {
		AskedHosts.asks(hosts, local, mail);
		known(link(List.of(), false));
		held();
		given(mailFail2ban.whereBanned(List.of(ADDRESS))).willThrow(new Fail2banException(Fail2banException.Reason.UNREACHABLE,
				Explanation.of("fail2ban.noSocket", "/run/fail2ban/fail2ban.sock")));

		assertThat(service.visit(TOKEN, VISITOR).kind()).isEqualTo(Visit.Kind.FAIL2BAN_SILENT);

		held(new HeldBan("dovecot", VISITOR, HeldBan.Overlap.OWN));
		given(fail2ban.jails()).willReturn(List.of("dovecot", "recidive", "sasl", "sshd", "unban-panel"));
		Visit visit = service.visit(TOKEN, VISITOR);
		assertThat(visit.releasable()).as("what the hosts that answer hold").containsExactly("dovecot");
		assertThat(visit.release().hosts()).as("there, and on the host that may hold it unseen, once it answers")
			.containsExactly(HostName.LOCAL, mail.name());
		assertThat(visit.release().jails()).as("there: every jail of the link but the protected ones")
			.containsExactly("dovecot", "sasl", "sshd");
	}

	@Test
	void releasesNothingThroughAUsedUpLinkAndRecordsTheTry() {
		ReleaseLink link = link(List.of("dovecot"), false);
		known(new ReleaseLink(12, link.note(), link.jails(), false, Duration.ZERO, 1, 1, link.createdAt(), "alice",
				link.expiresAt(), null, null));

		assertThat(service.release(TOKEN, VISITOR).kind()).isEqualTo(Visit.Kind.USED_UP);

		verify(links).recordUse(12, FixedClock.NOW, VISITOR, LinkUse.Outcome.USED_UP, null);
		verifyNoInteractions(fail2ban, jobs);
	}

	@Test
	void releasesNothingWhenAnotherVisitorTookTheLastUseFirst() {
		ReleaseLink link = link(List.of("dovecot"), false);
		known(link);
		held(new HeldBan("dovecot", VISITOR, HeldBan.Overlap.OWN));
		given(links.claimUse(12, FixedClock.NOW)).willReturn(false);
		given(links.find(12)).willReturn(Optional.of(new ReleaseLink(12, link.note(), link.jails(), false,
				Duration.ZERO, 1, 1, link.createdAt(), "alice", link.expiresAt(), null, null)));

		assertThat(service.release(TOKEN, VISITOR).kind()).isEqualTo(Visit.Kind.USED_UP);

		verify(jobs, never()).submit(any(), anyString(), anyString());
	}

	@Test
	void countsNoUseWhenNothingTheLinkMayReleaseHoldsTheVisitor() {
		known(link(List.of("dovecot"), false));
		held(new HeldBan("dovecot", "203.0.113.0/24", HeldBan.Overlap.AROUND));

		assertThat(service.release(TOKEN, VISITOR).adminOnly()).containsExactly("dovecot");

		verify(links).recordUse(12, FixedClock.NOW, VISITOR, LinkUse.Outcome.ADMIN_ONLY, null);
		verify(links, never()).claimUse(anyLong(), any());
		verifyNoInteractions(jobs);
	}

	@Test
	void showsAUsesResultOnlyToTheAddressThatUsedTheLink() {
		known(link(List.of("dovecot"), false));
		given(links.use(7)).willReturn(Optional.of(new LinkUse(7, 12, FixedClock.NOW, "198.51.100.1",
				LinkUse.Outcome.RELEASED, 42L)));

		assertThat(service.result(TOKEN, VISITOR, 7).kind()).isEqualTo(Visit.Kind.UNKNOWN);

		verify(jobs, never()).find(eq(42L));
	}

	private void known(ReleaseLink link) {
		given(links.byTokenHash(Token.hash(TOKEN)))
			.willReturn(Optional.of(new LinkRepository.Stored(Token.hash(TOKEN), link)));
	}

	private void held(HeldBan... bans) {
		given(fail2ban.whereBanned(List.of(ADDRESS))).willReturn(Map.of(ADDRESS, List.of(bans)));
	}

	private static ReleaseLink link(List<String> jails, boolean includeProtected) {
		ReleaseLink link = Links.forDovecot(12);
		return new ReleaseLink(12, link.note(), jails, includeProtected, Duration.ZERO, 1, 0, link.createdAt(),
				"alice", link.expiresAt(), null, null);
	}

}
