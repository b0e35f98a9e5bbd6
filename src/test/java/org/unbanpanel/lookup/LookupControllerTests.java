package org.unbanpanel.lookup;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.unbanpanel.watch.WatchService;
import org.unbanpanel.core.AccountName;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.core.InvalidValueException;
import org.unbanpanel.evidence.EvidenceExamples;
import org.unbanpanel.evidence.EvidenceService;
import org.unbanpanel.fail2ban.Ban;
import org.unbanpanel.fail2ban.Fail2ban;
import org.unbanpanel.fail2ban.Fail2banException;
import org.unbanpanel.fail2ban.Fail2bans;
import org.unbanpanel.exec.CommandException;
import org.unbanpanel.hosts.Host;
import org.unbanpanel.hosts.HostName;
import org.unbanpanel.hosts.Hosts;
import org.unbanpanel.fail2ban.HeldBan;
import org.unbanpanel.jobs.JobService;
import org.unbanpanel.jobs.Reban;
import org.unbanpanel.jobs.ReleaseRequest;
import org.unbanpanel.pam.AccountLocks;
import org.unbanpanel.pam.AccountLocksOnHosts;
import org.unbanpanel.pam.LockPolicies;
import org.unbanpanel.pam.LockPolicy;
import org.unbanpanel.pam.LockRecord;
import org.unbanpanel.testsupport.AskedHosts;
import org.unbanpanel.trust.TrustPolicy;
import org.unbanpanel.trust.TrustProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@WebMvcTest(LookupController.class)
@LookupWebTest
@Import(TrustPolicy.class)
@EnableConfigurationProperties(TrustProperties.class)
class LookupControllerTests {

	static final BanTarget OFFICE = BanTarget.parse("203.0.113.7");

	static final LocalDateTime START = LocalDateTime.parse("2026-11-25T11:00:00");

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Fail2ban fail2ban;

	@Autowired
	private AccountLocks accountLocks;

	@MockitoBean
	private JobService unblock;

	@Autowired
	private EvidenceService evidence;

	@Autowired
	private LockPolicies policies;

	@MockitoBean
	private WatchService watch;

	@Autowired
	private Hosts hosts;

	@Autowired
	private Fail2bans fail2bans;

	@Autowired
	private AccountLocksOnHosts locksOnHosts;

	@Test
	@WithMockUser(roles = "ADMIN")
	void groupsWhatEachHostHoldsByHostAndShowsAHostThatCannotBeReachedWithItsReasonAndReleasesThereToo()
			throws Exception {
		bannedInDovecotAndRecidive();
		Fail2ban mail = mock(Fail2ban.class);
		given(mail.whereBanned(List.of(OFFICE)))
			.willReturn(Map.of(OFFICE, List.of(new HeldBan("sshd", "203.0.113.7", HeldBan.Overlap.OWN))));
		given(mail.bans("sshd"))
			.willReturn(List.of(new Ban("203.0.113.7", START, Duration.ofMinutes(10), START.plusMinutes(10))));
		Fail2ban backup = mock(Fail2ban.class);
		given(backup.whereBanned(List.of(OFFICE))).willThrow(new Fail2banException(Fail2banException.Reason.UNREACHABLE,
				UNREACHABLE, new CommandException(CommandException.Reason.UNREACHABLE, UNREACHABLE)));
		fleet(mail, backup);

		mvc.perform(get("/lookup").param("ip", "203.0.113.7"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("This machine (local)")))
			.andExpect(content().string(containsString("Host mail")))
			.andExpect(content().string(containsString("2026-11-25 11:10")))
			.andExpect(content().string(containsString("What led to these bans is in the logs of mail")))
			.andExpect(content().string(containsString("Host backup")))
			.andExpect(content().string(containsString(
					"This host cannot be asked: cannot reach backup (192.0.2.9:22): connection refused")))
			.andExpect(content().string(containsString("name=\"host\" value=\"local\"")))
			.andExpect(content().string(containsString("name=\"host\" value=\"mail\"")))
			.andExpect(content().string(containsString("name=\"host\" value=\"backup\"")))
			.andExpect(content().string(not(containsString("Nothing to release."))));
		verify(evidence, never()).explain(any(), argThat(bans -> bans.stream().anyMatch(ban -> "sshd".equals(ban.jail()))));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void listsEachNewBanOfTheAddressUnderTheHostThatBannedItAgainWithEvidenceForThisMachineOnly() throws Exception {
		bannedInDovecotAndRecidive();
		Fail2ban clear = mock(Fail2ban.class);
		given(clear.whereBanned(List.of(OFFICE))).willReturn(Map.of(OFFICE, List.of()));
		fleet(clear, clear);
		Instant released = Instant.parse("2026-11-25T10:00:00Z");
		given(watch.ofAddress("203.0.113.7")).willReturn(List.of(
				new Reban(HostName.parse("mail"), "203.0.113.7", "sasl", 12, released, released.plusSeconds(180)),
				new Reban(HostName.LOCAL, "203.0.113.7", "dovecot", 12, released, released.plusSeconds(60))));

		String page = mvc.perform(get("/lookup").param("ip", "203.0.113.7"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		int mailPart = page.indexOf("id=\"host-mail\"");
		int backupPart = page.indexOf("id=\"host-backup\"");
		assertThat(page.indexOf("203.0.113.7 was banned again in dovecot 1 min after its release")).isBetween(0, mailPart);
		assertThat(page.indexOf("203.0.113.7 was banned again in sasl 3 min after its release")).isBetween(mailPart,
				backupPart);
		assertThat(page).contains("href=\"/evidence?jail=dovecot&amp;ip=203.0.113.7\"")
			.doesNotContain("/evidence?jail=sasl");
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void namesThisMachineInSpanishAndCatalanAsInEnglish() throws Exception {
		bannedInDovecotAndRecidive();
		Fail2ban clear = mock(Fail2ban.class);
		given(clear.whereBanned(List.of(OFFICE))).willReturn(Map.of(OFFICE, List.of()));
		fleet(clear, clear);

		mvc.perform(get("/lookup").param("ip", "203.0.113.7").header("Accept-Language", "es"))
			.andExpect(content().string(containsString("Esta máquina (local)")));
		mvc.perform(get("/lookup").param("ip", "203.0.113.7").header("Accept-Language", "ca"))
			.andExpect(content().string(containsString("Aquesta màquina (local)")));
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void looksAsOnAPanelOfOneMachineWhenItHasNoOtherHost() throws Exception {
		bannedInDovecotAndRecidive();

		mvc.perform(get("/lookup").param("ip", "203.0.113.7"))
			.andExpect(content().string(not(containsString("This machine (local)"))))
			.andExpect(content().string(not(containsString("name=\"host\""))));
	}

	@Test
	@WithMockUser(username = "alice", roles = "ADMIN")
	void releasesEverythingOnTheHostsWhereTheLookupFoundSomething() throws Exception {
		given(unblock.submit(any(), anyString(), anyString())).willReturn(46L);

		mvc.perform(post("/lookup/release").with(csrf()).param("ip", "203.0.113.7").param("host", "local", "mail"))
			.andExpect(redirectedUrl("/jobs/46"));

		verify(unblock).submit(eq(new ReleaseRequest(List.of(OFFICE), List.of(), Duration.ZERO, List.of(),
				List.of(HostName.LOCAL, HostName.parse("mail")))), eq("alice"), eq("127.0.0.1"));
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void queuesNothingForAHostThatIsNoHostNameOrNotOneOfThePanels() throws Exception {
		given(unblock.submit(any(), anyString(), anyString())).willThrow(
				new InvalidValueException("backup", ReleaseRequest.UNKNOWN_HOST, "is no host of the fleet"));

		mvc.perform(post("/lookup/release").with(csrf()).param("ip", "203.0.113.7").param("host", "../local"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("&#39;../local&#39; is not a host name")));
		verifyNoInteractions(unblock);
		mvc.perform(post("/lookup/release").with(csrf()).param("ip", "203.0.113.7").param("host", "backup"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("&#39;backup&#39; is not a host of this panel")));
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void listsEveryJailHoldingTheAddressWithTheEndOfItsBan() throws Exception {
		bannedInDovecotAndRecidive();

		mvc.perform(get("/lookup").param("ip", "203.0.113.7"))
			.andExpect(status().isOk())
			.andExpect(view().name(LookupController.VIEW))
			.andExpect(content().string(containsString("dovecot")))
			.andExpect(content().string(containsString("2026-11-25 23:00")))
			.andExpect(content().string(containsString("recidive")))
			.andExpect(content().string(containsString("permanent")))
			.andExpect(content().string(not(containsString("198.51.100.9"))))
			.andExpect(content().string(containsString("Release everything")));
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void showsTheUsersLockRecord() throws Exception {
		given(accountLocks.status(AccountName.parse("admin")))
			.willReturn(new LockRecord("admin", 3, LocalDateTime.parse("2026-11-25T11:02:03"), "203.0.113.44"));

		mvc.perform(get("/lookup").param("user", "admin"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Account admin")))
			.andExpect(content().string(containsString("2026-11-25 11:02:03")))
			.andExpect(content().string(containsString("203.0.113.44")));
		verify(fail2ban, never()).whereBanned(anyCollection());
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void showsWhenTheUsersLockEndsByItselfOrThatItNeverDoes() throws Exception {
		given(accountLocks.status(AccountName.parse("admin")))
			.willReturn(new LockRecord("admin", 3, LocalDateTime.parse("2026-11-25T11:02:03"), "203.0.113.44"));

		mvc.perform(get("/lookup").param("user", "admin"))
			.andExpect(content().string(containsString("locked until 2026-11-25 11:12:03 UTC, when it ends by itself")));

		given(policies.on(any(), any())).willReturn(new LockPolicy(LockPolicy.FAILLOCK, 3, Duration.ZERO,
				Duration.ofMinutes(15), false, Duration.ZERO, List.of("/etc/pam.d/common-auth")));
		mvc.perform(get("/lookup").param("user", "admin"))
			.andExpect(content().string(containsString("locked, and never by itself: only a reset ends it")));
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void showsTheEvidenceBehindTheBanAndTheAddresssHistory() throws Exception {
		bannedInDovecotAndRecidive();
		willReturn(new EvidenceService.Explanation(List.of(EvidenceExamples.dovecot(), EvidenceExamples.dovecot()),
				EvidenceExamples.history())).given(evidence).explain(any(), anyList());

		mvc.perform(get("/lookup").param("ip", "203.0.113.7"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Why banned in dovecot")))
			.andExpect(content().string(containsString("Why banned in recidive")))
			.andExpect(content().string(containsString("alice@example.org \u00d714 over imap")))
			.andExpect(content().string(containsString("Banned 4 times in 7 days")))
			.andExpect(content().string(containsString("\u2014 3 of them in dovecot")))
			.andExpect(content().string(containsString("after failures for alice@example.org")));
		verify(evidence).explain(OFFICE, List.of(new EvidenceService.CurrentBan("dovecot", START),
				new EvidenceService.CurrentBan("recidive", START)));
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void offersToClearTheLockOfAnAccountTheEvidenceNamesThatIsLockedNow() throws Exception {
		bannedInDovecotAndRecidive();
		willReturn(new EvidenceService.Explanation(List.of(EvidenceExamples.dovecot(), EvidenceExamples.dovecot()),
				EvidenceExamples.history())).given(evidence).explain(any(), anyList());
		given(accountLocks.status(AccountName.parse("bob")))
			.willReturn(new LockRecord("bob", 3, LocalDateTime.parse("2026-11-25T11:00:00"), "203.0.113.7"));

		mvc.perform(get("/lookup").param("ip", "203.0.113.7"))
			.andExpect(content().string(containsString("Also clear these locked accounts")))
			.andExpect(content().string(containsString("name=\"unlock\" id=\"unlock-0\" value=\"bob\" checked")))
			.andExpect(content().string(containsString("locked until 2026-11-25 11:10:00 UTC")));
		verify(accountLocks, never()).status(argThat(name -> name.value().contains("@")));
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void explainsTheLastBanOfAnAddressBannedNowhereNowAndOffersToClearTheLocksItCaused() throws Exception {
		given(fail2ban.whereBanned(List.of(OFFICE))).willReturn(Map.of(OFFICE, List.of()));
		willReturn(new EvidenceService.Explanation(List.of(), EvidenceExamples.history())).given(evidence)
			.explain(any(), anyList());
		given(evidence.forBan(eq("dovecot"), eq(OFFICE), any())).willReturn(EvidenceExamples.dovecot());
		given(accountLocks.status(AccountName.parse("bob")))
			.willReturn(new LockRecord("bob", 3, LocalDateTime.parse("2026-11-25T11:00:00"), "203.0.113.7"));

		mvc.perform(get("/lookup").param("ip", "203.0.113.7"))
			.andExpect(content().string(containsString("Not banned in any jail.")))
			.andExpect(content().string(containsString("Why it was last banned: in dovecot at 2026-11-25 11:00")))
			.andExpect(content().string(containsString("alice@example.org \u00d714 over imap")))
			.andExpect(content().string(containsString("value=\"bob\" checked")))
			.andExpect(content().string(containsString("Release everything")));
	}

	@Test
	@WithMockUser(username = "alice", roles = "ADMIN")
	void clearsTheChosenLocksInTheSameJobAsTheAddress() throws Exception {
		given(unblock.submit(any(), anyString(), anyString())).willReturn(45L);

		mvc.perform(post("/lookup/release").with(csrf())
			.param("ip", "203.0.113.7")
			.param("user", "admin")
			.param("unlock", "bob", "admin", "carol")
			.param("trust", "none")).andExpect(redirectedUrl("/jobs/45"));

		verify(unblock).submit(eq(new ReleaseRequest(List.of(OFFICE), List.of(AccountName.parse("admin"),
				AccountName.parse("bob"), AccountName.parse("carol")), null)), eq("alice"), eq("127.0.0.1"));
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void refusesAnAccountToClearThatIsNoUserName() throws Exception {
		mvc.perform(post("/lookup/release").with(csrf())
			.param("ip", "203.0.113.7")
			.param("unlock", "alice@example.org")
			.param("trust", "none")).andExpect(status().isOk()).andExpect(fieldErrors("unlock", "invalid.user.pattern"));
		verifyNoInteractions(unblock);
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void namesBadValuesWithTheCodesOfUnblockAccessAndAsksNothing() throws Exception {
		mvc.perform(get("/lookup").param("ip", "192.168.010.1").param("user", "root;id"))
			.andExpect(status().isOk())
			.andExpect(fieldErrors("ip", "invalid.ip.leadingZero"))
			.andExpect(fieldErrors("user", "invalid.user.pattern"))
			.andExpect(content().string(containsString("root;id")));

		verify(fail2ban, never()).whereBanned(anyCollection());
		verify(accountLocks, never()).status(any());
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void saysSoWhenFail2banCannotBeAsked() throws Exception {
		given(fail2ban.whereBanned(anyCollection())).willThrow(new Fail2banException(
				Fail2banException.Reason.UNREACHABLE, Explanation.of("fail2ban.noSocket", "/run/fail2ban.sock")));

		mvc.perform(get("/lookup").param("ip", "203.0.113.7"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("fail2ban could not be asked: fail2ban is not running")))
			.andExpect(content().string(not(containsString("Not banned"))))
			.andExpect(content().string(not(containsString("Nothing to release"))));
	}

	/** Issue 9: the network that covers the address was not listed; the page then said it was not banned. */
	@Test
	@WithMockUser(roles = "ADMIN")
	void listsTheBannedNetworksAroundTheAddressWithTheirEnds() throws Exception {
		given(fail2ban.whereBanned(List.of(OFFICE))).willReturn(Map.of(OFFICE,
				List.of(new HeldBan("sshd", "203.0.113.0/24", HeldBan.Overlap.AROUND),
						new HeldBan("dovecot", "203.0.113.7", HeldBan.Overlap.OWN))));
		given(fail2ban.bans("sshd")).willReturn(
				List.of(new Ban("203.0.113.0/24", START, Duration.ofHours(12), START.plusHours(12))));
		given(fail2ban.bans("dovecot")).willReturn(
				List.of(new Ban("203.0.113.7", START, Duration.ofHours(1), START.plusHours(1))));

		mvc.perform(get("/lookup").param("ip", "203.0.113.7"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("203.0.113.0/24")))
			.andExpect(content().string(containsString("a banned network that contains it")))
			.andExpect(content().string(containsString("this address itself")))
			.andExpect(content().string(containsString("releasing the address alone leaves it blocked")))
			.andExpect(content().string(containsString("Release everything")));
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void saysNothingIsToBeReleasedOnlyWhenNothingHoldsTheAddressOrItsNetwork() throws Exception {
		given(fail2ban.whereBanned(List.of(OFFICE))).willReturn(Map.of(OFFICE,
				List.of(new HeldBan("sshd", "203.0.113.0/24", HeldBan.Overlap.AROUND))));
		given(fail2ban.bans("sshd")).willReturn(
				List.of(new Ban("203.0.113.0/24", START, Duration.ofHours(12), START.plusHours(12))));

		mvc.perform(get("/lookup").param("ip", "203.0.113.7"))
			.andExpect(content().string(not(containsString("Nothing to release"))))
			.andExpect(content().string(not(containsString("Not banned"))))
			.andExpect(content().string(not(containsString("Release everything"))));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void showsAnOperatorNoReleaseButtonAndRefusesItsPost() throws Exception {
		bannedInDovecotAndRecidive();

		mvc.perform(get("/lookup").param("ip", "203.0.113.7"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Release everything"))));
		mvc.perform(post("/lookup/release").with(csrf()).param("ip", "203.0.113.7")).andExpect(status().isForbidden());
		verifyNoInteractions(unblock);
	}

	@Test
	@WithMockUser(username = "alice", roles = "ADMIN")
	void releasesAddressAndAccountInOneJobWithTheChosenTrust() throws Exception {
		given(unblock.submit(any(), anyString(), anyString())).willReturn(42L);

		mvc.perform(post("/lookup/release").with(csrf())
			.param("ip", "203.0.113.7")
			.param("user", "admin")
			.param("trust", "12h"))
			.andExpect(redirectedUrl("/jobs/42"))
			.andExpect(flash().attributeExists("message"));

		verify(unblock).submit(eq(new ReleaseRequest(List.of(OFFICE), List.of(AccountName.parse("admin")),
				Duration.ofHours(12))), eq("alice"), eq("127.0.0.1"));
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void asksToConfirmTrustingAWideRange() throws Exception {
		given(unblock.submit(any(), anyString(), anyString())).willReturn(43L);

		mvc.perform(post("/lookup/release").with(csrf()).param("ip", "198.51.0.0/16").param("trust", "1h"))
			.andExpect(status().isOk())
			.andExpect(fieldErrors("ip", TrustPolicy.WIDE));
		verifyNoInteractions(unblock);

		mvc.perform(post("/lookup/release").with(csrf())
			.param("ip", "198.51.0.0/16")
			.param("trust", "1h")
			.param("confirmWide", "true")).andExpect(redirectedUrl("/jobs/43"));
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void refusesToTrustAPrivateWildcardEvenConfirmedButReleasesItWithoutTrust() throws Exception {
		given(unblock.submit(any(), anyString(), anyString())).willReturn(44L);

		mvc.perform(post("/lookup/release").with(csrf())
			.param("ip", "10.0.0.0/8")
			.param("trust", "24h")
			.param("confirmWide", "true"))
			.andExpect(status().isOk())
			.andExpect(fieldErrors("ip", TrustPolicy.REFUSED))
			.andExpect(content().string(containsString("does not trust it")));
		verifyNoInteractions(unblock);

		mvc.perform(post("/lookup/release").with(csrf()).param("ip", "10.0.0.0/8").param("trust", "none"))
			.andExpect(redirectedUrl("/jobs/44"));
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void refusesAnUnknownTrustPeriodAndABadValueWithoutQueuing() throws Exception {
		mvc.perform(post("/lookup/release").with(csrf()).param("ip", "1.2.3.4;id").param("trust", "forever"))
			.andExpect(status().isOk())
			.andExpect(fieldErrors("ip", "invalid.ip.forbiddenCharacter"))
			.andExpect(fieldErrors("trust", "trust.period.invalid"));
		verifyNoInteractions(unblock);
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void looksUpButNeverReleasesEveryAddressAtOnce() throws Exception {
		mvc.perform(post("/lookup/release").with(csrf()).param("ip", "0.0.0.0/0").param("trust", "none"))
			.andExpect(status().isOk())
			.andExpect(fieldErrors("ip", "invalid.ip.tooWide"));
		verifyNoInteractions(unblock);
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void refusesAReleaseWithoutTokenOrValues() throws Exception {
		mvc.perform(post("/lookup/release").param("ip", "203.0.113.7")).andExpect(status().isForbidden());
		mvc.perform(post("/lookup/release").with(csrf())).andExpect(status().isOk());
		verifyNoInteractions(unblock);
	}

	private static final Explanation UNREACHABLE = Explanation.of("hosts.problem.unreachable", "backup (192.0.2.9:22)",
			Explanation.of("hosts.reason.refused"));

	/** The local machine, then mail and backup with these fail2bans, their account locks finding nothing. */
	private void fleet(Fail2ban mail, Fail2ban backup) {
		Host local = AskedHosts.host(HostName.LOCAL);
		Host mailHost = AskedHosts.host(HostName.parse("mail"));
		Host backupHost = AskedHosts.host(HostName.parse("backup"));
		given(fail2bans.on(local)).willReturn(fail2ban);
		given(fail2bans.on(mailHost)).willReturn(mail);
		given(fail2bans.on(backupHost)).willReturn(backup);
		given(locksOnHosts.on(any())).willReturn(accountLocks);
		AskedHosts.asks(hosts, local, mailHost, backupHost);
	}

	private void bannedInDovecotAndRecidive() {
		given(fail2ban.whereBanned(List.of(OFFICE))).willReturn(Map.of(OFFICE,
				List.of(new HeldBan("dovecot", "203.0.113.7", HeldBan.Overlap.OWN),
						new HeldBan("recidive", "203.0.113.7", HeldBan.Overlap.OWN))));
		given(fail2ban.bans("dovecot")).willReturn(List.of(
				new Ban("198.51.100.9", START, Duration.ofHours(12), START.plusHours(12)),
				new Ban("203.0.113.7", START, Duration.ofHours(12), START.plusHours(12))));
		given(fail2ban.bans("recidive")).willReturn(List.of(new Ban("203.0.113.7", START, Duration.ofSeconds(-1),
				LocalDateTime.parse("9999-12-31T23:59:59"))));
	}

	static ResultMatcher fieldErrors(String field, String... codes) {
		return result -> {
			BindingResult errors = (BindingResult) result.getModelAndView()
				.getModel()
				.get(BindingResult.MODEL_KEY_PREFIX + "lookupForm");
			assertThat(errors.getFieldErrors(field)).extracting(FieldError::getCode).containsExactly(codes);
		};
	}

}
