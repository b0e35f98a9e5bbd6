package org.unbanpanel.accounts;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.unbanpanel.core.AccountName;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.core.InvalidValueException;
import org.unbanpanel.hosts.HostName;
import org.unbanpanel.hosts.Hosts;
import org.unbanpanel.jobs.JobService;
import org.unbanpanel.jobs.ReleaseRequest;
import org.unbanpanel.pam.AccountLockException;
import org.unbanpanel.pam.AccountLocks;
import org.unbanpanel.pam.AccountLocksOnHosts;
import org.unbanpanel.pam.LockPolicies;
import org.unbanpanel.pam.LockPolicy;
import org.unbanpanel.pam.LockRecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
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
import static org.unbanpanel.testsupport.PanelBrowser.hostSection;

@WebMvcTest(AccountsController.class)
@AccountsWebTest
class AccountsControllerTests {

	static final LockRecord ALICE = new LockRecord("alice", 3, LocalDateTime.parse("2026-11-25T10:15:30"),
			"203.0.113.44");

	static final LockRecord BOB = new LockRecord("bob", 1, LocalDateTime.parse("2026-11-25T11:00:00"), "203.0.113.7");

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Hosts hosts;

	@Autowired
	private AccountLocksOnHosts onHosts;

	@Autowired
	private AccountLocks locks;

	@Autowired
	private JobService unblock;

	@Autowired
	private LockPolicies policies;

	@BeforeEach
	void lockForAnHourAfterThreeFailuresOnThisMachine() {
		AccountsWebTest.Fleet.thisMachine(hosts, onHosts, locks);
		given(policies.on(any(), any())).willReturn(new LockPolicy(LockPolicy.FAILLOCK, 3, Duration.ofHours(1),
				Duration.ofMinutes(15), false, Duration.ofHours(1), List.of("/etc/pam.d/common-auth")));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void saysThatPamTally2StartsTheCountdownAgainWithEachAttempt() throws Exception {
		given(locks.backend()).willReturn("pam_tally2");
		given(locks.all()).willReturn(List.of(ALICE));
		given(policies.on(any(), any())).willReturn(new LockPolicy(LockPolicy.TALLY2, 3, Duration.ofHours(1), null, false,
				Duration.ofHours(1), List.of("/etc/pam.d/common-auth")));

		mvc.perform(get("/accounts"))
			.andExpect(content().string(containsString("locked until 2026-11-25 11:15:30 UTC, when it ends by itself "
					+ "(pam_tally2: each further attempt starts the countdown again)")));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void saysWhenEachLockEndsByItselfOrThatItNeverDoes() throws Exception {
		given(locks.backend()).willReturn("faillock");
		given(locks.all()).willReturn(List.of(ALICE, BOB));

		mvc.perform(get("/accounts"))
			.andExpect(content().string(containsString("locked until 2026-11-25 11:15:30 UTC, when it ends by itself")))
			.andExpect(content().string(containsString("not locked: 1 failure, it locks at 3")));

		given(policies.on(any(), any())).willThrow(new AccountLockException(AccountLockException.Reason.NOT_CONFIGURED,
				Explanation.of("lock.policy.notInStack", "pam_faillock", "/etc/pam.d/sshd")));
		mvc.perform(get("/accounts"))
			.andExpect(content().string(containsString("When a lock ends cannot be said: pam_faillock.so is not in")))
			.andExpect(content().string(not(containsString("data-label=\"Lock\""))))
			.andExpect(content().string(containsString("2026-11-25 10:15:30")));
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void listsEveryAccountWithFailuresAndAResetButtonForAnAdmin() throws Exception {
		given(locks.backend()).willReturn("faillock");
		given(locks.all()).willReturn(List.of(ALICE));
		given(locks.listsWholeName("alice")).willReturn(true);

		mvc.perform(get("/accounts"))
			.andExpect(status().isOk())
			.andExpect(view().name(AccountsController.VIEW))
			.andExpect(result -> assertThat(onlySection(result)).satisfies(local -> {
				assertThat(local.host()).isEqualTo(HostName.LOCAL);
				assertThat(local.backend()).isEqualTo("faillock");
				assertThat(local.accounts()).containsExactly(ALICE);
				assertThat(local.problem()).isNull();
			}))
			.andExpect(content().string(containsString("as faillock reports them")))
			.andExpect(content().string(containsString("2026-11-25 10:15:30")))
			.andExpect(content().string(containsString("203.0.113.44")))
			.andExpect(content().string(containsString("action=\"/accounts/reset\"")))
			.andExpect(content().string(containsString("name=\"user\" value=\"alice\"")))
			.andExpect(content().string(containsString("name=\"_csrf\"")));
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void offersNoResetForANameTheToolMayHaveCut() throws Exception {
		LockRecord cut = new LockRecord("averyveryverylo", 3, null, "unknown");
		given(locks.backend()).willReturn("pam_tally2");
		given(locks.all()).willReturn(List.of(cut));
		given(locks.listsWholeName("averyveryverylo")).willReturn(false);

		mvc.perform(get("/accounts"))
			.andExpect(content().string(containsString("averyveryverylo")))
			.andExpect(content().string(not(containsString("/accounts/reset"))))
			.andExpect(content().string(containsString("cuts names at 15 characters")));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void showsAnOperatorTheAccountsWithoutAnyButton() throws Exception {
		given(locks.backend()).willReturn("pam_tally2");
		given(locks.all()).willReturn(List.of(ALICE));

		mvc.perform(get("/accounts"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("alice")))
			.andExpect(content().string(not(containsString("/accounts/reset"))))
			.andExpect(content().string(not(containsString("<button type=\"submit\" class=\"small\""))));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void saysSoWhenNoAccountHasFailures() throws Exception {
		given(locks.backend()).willReturn("faillock");
		given(locks.all()).willReturn(List.of());

		mvc.perform(get("/accounts"))
			.andExpect(content().string(containsString("No account has failed logins.")))
			.andExpect(content().string(not(containsString("<table"))));
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void explainsThatNoLockToolIsConfigured() throws Exception {
		given(locks.backend()).willReturn("none");
		given(locks.all()).willThrow(new AccountLockException(AccountLockException.Reason.NOT_CONFIGURED,
				Explanation.of("accounts.tool.none")));

		mvc.perform(get("/accounts"))
			.andExpect(status().isOk())
			.andExpect(result -> assertThat(onlySection(result).notConfigured()).isTrue())
			.andExpect(content().string(containsString("Account locks are not managed on this machine:")))
			.andExpect(content().string(containsString("neither faillock nor pam_tally2 was found")))
			.andExpect(content().string(not(containsString("No account has failed logins."))));
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void showsTheReasonWhenTheToolFailsWithoutAStackTrace() throws Exception {
		given(locks.backend()).willReturn("faillock");
		given(locks.all()).willThrow(new AccountLockException(AccountLockException.Reason.NOT_RUNNABLE,
				Explanation.of("accounts.tool.notAllowed", "faillock", "sudo: a password is required"),
				new IllegalStateException("deep inside")));

		mvc.perform(get("/accounts"))
			.andExpect(status().isOk())
			.andExpect(result -> assertThat(onlySection(result).notConfigured()).isFalse())
			.andExpect(content().string(containsString("The account locks cannot be read:")))
			.andExpect(content().string(containsString("check the sudoers rule")))
			.andExpect(content().string(not(containsString("deep inside"))))
			.andExpect(content().string(not(containsString("Exception"))));
	}

	@Test
	@WithMockUser(username = "alice", roles = "ADMIN")
	void queuesTheResetAndRedirectsToTheJob() throws Exception {
		given(unblock.submit(any(), anyString(), anyString())).willReturn(42L);

		mvc.perform(post("/accounts/reset").with(csrf()).param("user", "bob"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/jobs/42"))
			.andExpect(flash().attribute("message", "Job 42 is queued: the failed logins of bob will be reset."));

		verify(unblock).submit(new ReleaseRequest(List.of(), List.of(AccountName.parse("bob")), Duration.ZERO,
				List.of(), List.of(HostName.LOCAL)), "alice", "127.0.0.1");
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void showsEachHostsAccountsInASectionOfItsOwnWithResetsForThatHost() throws Exception {
		AccountLocks mailLocks = mock(AccountLocks.class);
		given(mailLocks.backend()).willReturn("pam_tally2");
		given(mailLocks.all()).willReturn(List.of(BOB));
		given(mailLocks.listsWholeName("bob")).willReturn(true);
		AccountsWebTest.Fleet.thisMachineAndMail(hosts, onHosts, locks, mailLocks);
		given(locks.backend()).willReturn("faillock");
		given(locks.all()).willReturn(List.of(ALICE));
		given(locks.listsWholeName("alice")).willReturn(true);

		String page = mvc.perform(get("/accounts")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();

		assertThat(hostSection(page, "local")).contains("This machine (local)").contains("as faillock reports them").contains("alice")
			.contains("name=\"host\" value=\"local\"").contains("locked until").doesNotContain("bob")
			.contains("data-label=\"Lock\"");
		assertThat(hostSection(page, "mail")).contains("Host mail").contains("as pam_tally2 reports them").contains("bob")
			.contains("name=\"host\" value=\"mail\"").contains("aria-label=\"Reset the failed logins of bob on mail\"")
			.contains("not locked: 1 failure, it locks at 3")
			.doesNotContain("alice");
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void saysWhyAHostCannotBeAskedWhileTheOthersAnswer() throws Exception {
		AccountsWebTest.Fleet.thisMachineAndMail(hosts, onHosts, locks, AccountsWebTest.Fleet.unreachableMail());
		given(locks.backend()).willReturn("faillock");
		given(locks.all()).willReturn(List.of(ALICE));

		String page = mvc.perform(get("/accounts")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();

		assertThat(hostSection(page, "local")).contains("alice");
		assertThat(hostSection(page, "mail")).contains("The account locks cannot be read:")
			.contains("cannot reach mail (192.0.2.25:22): connection refused")
			.doesNotContain("reports them")
			.doesNotContain("No account has failed logins.");
	}

	@Test
	@WithMockUser(username = "alice", roles = "ADMIN")
	void queuesTheResetOnTheHostOfItsSectionOnly() throws Exception {
		given(unblock.submit(any(), anyString(), anyString())).willReturn(43L);

		mvc.perform(post("/accounts/reset").with(csrf()).param("user", "bob").param("host", "mail"))
			.andExpect(redirectedUrl("/jobs/43"))
			.andExpect(flash().attribute("message", "Job 43 is queued: the failed logins of bob on mail will be reset."));

		verify(unblock).submit(new ReleaseRequest(List.of(), List.of(AccountName.parse("bob")), Duration.ZERO,
				List.of(), List.of(AccountsWebTest.Fleet.MAIL)), "alice", "127.0.0.1");
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void refusesAResetOnAHostThePanelDoesNotHaveOrThatIsNoHostName() throws Exception {
		given(unblock.submit(any(), anyString(), anyString())).willThrow(
				new InvalidValueException("backup", ReleaseRequest.UNKNOWN_HOST, "is no host of the fleet"));

		mvc.perform(post("/accounts/reset").with(csrf()).param("user", "bob").param("host", "backup"))
			.andExpect(redirectedUrl("/accounts"))
			.andExpect(flash().attribute("resetError", containsString("'backup' is not a host of this panel")));
		mvc.perform(post("/accounts/reset").with(csrf()).param("user", "bob").param("host", "../local"))
			.andExpect(redirectedUrl("/accounts"))
			.andExpect(flash().attribute("resetError", containsString("'../local' is not a host name")));

		verify(unblock, times(1)).submit(any(), anyString(), anyString());
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void refusesSomethingThatIsNotAUserName() throws Exception {
		mvc.perform(post("/accounts/reset").with(csrf()).param("user", "--reset"))
			.andExpect(redirectedUrl("/accounts"))
			.andExpect(flash().attribute("resetError", containsString("'--reset' is not a valid user name")));

		verifyNoInteractions(unblock);
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void refusesAnOperatorsReset() throws Exception {
		mvc.perform(post("/accounts/reset").with(csrf()).param("user", "bob")).andExpect(status().isForbidden());

		verifyNoInteractions(unblock);
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void refusesAResetWithoutCsrfToken() throws Exception {
		mvc.perform(post("/accounts/reset").param("user", "bob")).andExpect(status().isForbidden());

		verifyNoInteractions(unblock);
	}

	/** The one host's section of the page's model. */
	private static HostAccounts onlySection(MvcResult result) {
		List<?> hosts = (List<?>) result.getModelAndView().getModel().get("hosts");
		assertThat(hosts).hasSize(1);
		return (HostAccounts) hosts.get(0);
	}

}
