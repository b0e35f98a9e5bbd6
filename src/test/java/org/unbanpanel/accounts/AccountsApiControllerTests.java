package org.unbanpanel.accounts;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.pam.AccountLockException;
import org.unbanpanel.pam.AccountLocks;
import org.unbanpanel.testsupport.PanelWebTest;

import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(AccountsApiController.class)
@PanelWebTest
class AccountsApiControllerTests {

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private AccountLocks locks;

	@Test
	@WithMockUser(roles = "OPERATOR")
	void answersTheBackendAndEveryAccountWithFailures() throws Exception {
		given(locks.backend()).willReturn("faillock");
		given(locks.all()).willReturn(List.of(AccountsControllerTests.ALICE));

		mvc.perform(get("/api/v1/accounts"))
			.andExpect(status().isOk())
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
	void asksForBasicAuthentication() throws Exception {
		mvc.perform(get("/api/v1/accounts"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().exists("WWW-Authenticate"));
	}

}
