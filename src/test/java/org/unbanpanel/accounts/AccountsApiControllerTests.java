package org.unbanpanel.accounts;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.hosts.Hosts;
import org.unbanpanel.pam.AccountLockException;
import org.unbanpanel.pam.AccountLocks;
import org.unbanpanel.pam.AccountLocksOnHosts;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(AccountsApiController.class)
@AccountsWebTest
class AccountsApiControllerTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Hosts hosts;

	@Autowired
	private AccountLocksOnHosts onHosts;

	@Autowired
	private AccountLocks locks;

	@BeforeEach
	void onThisMachine() {
		AccountsWebTest.Fleet.thisMachine(hosts, onHosts, locks);
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void answersTheBackendAndEveryAccountWithFailures() throws Exception {
		given(locks.backend()).willReturn("faillock");
		given(locks.all()).willReturn(List.of(AccountsControllerTests.ALICE));

		mvc.perform(get("/api/v1/accounts"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.host").value("local"))
			.andExpect(jsonPath("$.backend").value("faillock"))
			.andExpect(jsonPath("$.accounts[0].user").value("alice"))
			.andExpect(jsonPath("$.accounts[0].failures").value(3))
			.andExpect(jsonPath("$.accounts[0].lastFailure").value("2026-11-25T10:15:30"))
			.andExpect(jsonPath("$.accounts[0].source").value("203.0.113.44"));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void answersUnavailableAsAProblemWhenTheToolFails() throws Exception {
		given(locks.backend()).willReturn("faillock");
		given(locks.all()).willThrow(new AccountLockException(AccountLockException.Reason.TIMEOUT,
				Explanation.of("accounts.tool.timeout", "faillock", "10 s")));

		mvc.perform(get("/api/v1/accounts"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Content-Type", "application/problem+json"))
			.andExpect(jsonPath("$.status").value(503))
			.andExpect(jsonPath("$.detail").value("faillock did not finish in time: 10 s"))
			.andExpect(jsonPath("$.backend").value("faillock"))
			.andExpect(jsonPath("$.reason").value("TIMEOUT"));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void answersUnavailableWhenNoToolIsConfigured() throws Exception {
		given(locks.backend()).willReturn("none");
		given(locks.all()).willThrow(new AccountLockException(AccountLockException.Reason.NOT_CONFIGURED,
				Explanation.of("accounts.tool.none")));

		mvc.perform(get("/api/v1/accounts"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.backend").value("none"))
			.andExpect(jsonPath("$.reason").value("NOT_CONFIGURED"));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void answersAnotherHostsAccountsAndNotFoundForAHostThePanelDoesNotHave() throws Exception {
		AccountLocks mailLocks = mock(AccountLocks.class);
		given(mailLocks.backend()).willReturn("pam_tally2");
		given(mailLocks.all()).willReturn(List.of(AccountsControllerTests.BOB));
		AccountsWebTest.Fleet.thisMachineAndMail(hosts, onHosts, locks, mailLocks);

		mvc.perform(get("/api/v1/accounts").param("host", "mail"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.host").value("mail"))
			.andExpect(jsonPath("$.backend").value("pam_tally2"))
			.andExpect(jsonPath("$.accounts[0].user").value("bob"));
		mvc.perform(get("/api/v1/accounts").param("host", "backup"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("The panel has no host named 'backup'."));
		verifyNoInteractions(locks);
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void answersUnavailableWithoutAToolWhenTheHostCannotBeAskedWhichItHas() throws Exception {
		AccountsWebTest.Fleet.thisMachineAndMail(hosts, onHosts, locks, AccountsWebTest.Fleet.unreachableMail());

		mvc.perform(get("/api/v1/accounts").param("host", "mail"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.host").value("mail"))
			.andExpect(jsonPath("$.detail").value("cannot reach mail (192.0.2.25:22): connection refused"))
			.andExpect(jsonPath("$.reason").value("UNREACHABLE"))
			.andExpect(jsonPath("$.backend").doesNotExist());
	}

	@Test
	void asksForBasicAuthentication() throws Exception {
		mvc.perform(get("/api/v1/accounts"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().exists("WWW-Authenticate"));
	}

}
