package org.unbanpanel.audit;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.unbanpanel.testsupport.PanelWebTest;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(AuditApiController.class)
@PanelWebTest
class AuditApiControllerTests {

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private AuditTrail trail;

	@Test
	@WithMockUser(roles = "OPERATOR")
	void answersAPageOfFilteredEvents() throws Exception {
		AuditFilter filter = new AuditFilter("alice", null, Instant.parse("2026-11-25T00:00:00Z"), null);
		given(trail.find(filter, 1, 20))
			.willReturn(new AuditPage(List.of(AuditControllerTests.UNBANNED), 1, 20, 1));

		mvc.perform(get("/api/v1/audit").param("user", "alice").param("from", "2026-11-25").param("size", "20"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.page").value(1))
			.andExpect(jsonPath("$.size").value(20))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.events[0].at").value("2026-11-25T10:15:30Z"))
			.andExpect(jsonPath("$.events[0].username").value("alice"))
			.andExpect(jsonPath("$.events[0].clientAddress").value("203.0.113.7"))
			.andExpect(jsonPath("$.events[0].action").value("UNBANNED"))
			.andExpect(jsonPath("$.events[0].target").value("4.4.4.4"))
			.andExpect(jsonPath("$.events[0].jobId").value(42));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void answersAProblemNamingEachBadFilter() throws Exception {
		mvc.perform(get("/api/v1/audit").param("from", "yesterday").param("size", "100000"))
			.andExpect(status().isBadRequest())
			.andExpect(header().string("Content-Type", "application/problem+json"))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.errors.length()").value(2))
			.andExpect(jsonPath("$.errors[?(@.field == 'from')].code").value("typeMismatch"))
			.andExpect(jsonPath("$.errors[?(@.field == 'from')].value").value("yesterday"))
			.andExpect(jsonPath("$.errors[?(@.field == 'size')].code").value("Max"))
			.andExpect(jsonPath("$.errors[?(@.field == 'size')].detail").value("A page holds at most 200 events."));

		verifyNoInteractions(trail);
	}

	@Test
	void asksForBasicAuthentication() throws Exception {
		mvc.perform(get("/api/v1/audit"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().exists("WWW-Authenticate"));
	}

}
