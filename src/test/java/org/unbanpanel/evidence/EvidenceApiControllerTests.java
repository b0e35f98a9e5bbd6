package org.unbanpanel.evidence;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.unbanpanel.testsupport.PanelWebTest;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.unbanpanel.evidence.EvidenceExamples.OFFICE_ADDRESS;

@WebMvcTest(EvidenceApiController.class)
@PanelWebTest
class EvidenceApiControllerTests {

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private EvidenceService evidence;

	@Test
	@WithMockUser(roles = "OPERATOR")
	void answersTheEvidenceAsData() throws Exception {
		given(evidence.forLatestBan("dovecot", OFFICE_ADDRESS)).willReturn(Optional.of(EvidenceExamples.dovecot()));

		mvc.perform(get("/api/v1/evidence").param("jail", "dovecot").param("ip", "203.0.113.7"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.failures").value(15))
			.andExpect(jsonPath("$.findTime").value("PT10M"))
			.andExpect(jsonPath("$.accounts[0].account").value("alice@example.org"))
			.andExpect(jsonPath("$.accounts[0].failures").value(14))
			.andExpect(jsonPath("$.accounts[0].services[0]").value("imap"))
			.andExpect(jsonPath("$.lines[0].kind").value("FAILURE"))
			.andExpect(jsonPath("$.problems[0].reason").value("NOT_READABLE"));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void answersTheHistory() throws Exception {
		given(evidence.history(OFFICE_ADDRESS)).willReturn(EvidenceExamples.history());

		mvc.perform(get("/api/v1/evidence/history").param("ip", "203.0.113.7"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.bans.length()").value(4))
			.andExpect(jsonPath("$.days").value(7))
			.andExpect(jsonPath("$.jails[0].jail").value("dovecot"))
			.andExpect(jsonPath("$.lastRelease.by").value("admin"));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void answers404WhenNoBanIsKnown() throws Exception {
		given(evidence.forLatestBan("dovecot", OFFICE_ADDRESS)).willReturn(Optional.empty());

		mvc.perform(get("/api/v1/evidence").param("jail", "dovecot").param("ip", "203.0.113.7"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.title").value("No ban known"));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void refusesANetworkAsAProblem() throws Exception {
		mvc.perform(get("/api/v1/evidence").param("jail", "dovecot").param("ip", "203.0.113.0/24"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].code").value("evidence.network"));
		verifyNoInteractions(evidence);
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void answers503WhenFail2banCannotBeAsked() throws Exception {
		given(evidence.forLatestBan(anyString(), any()))
			.willThrow(EvidenceExamples.fail2banNotRunning());

		mvc.perform(get("/api/v1/evidence").param("jail", "dovecot").param("ip", "203.0.113.7"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.detail").value("fail2ban is not running (no socket at /run/fail2ban/fail2ban.sock)"));
	}

}
