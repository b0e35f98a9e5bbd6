package org.unbanpanel.trust;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.unbanpanel.testsupport.PanelWebTest;

import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(TrustApiController.class)
@PanelWebTest
class TrustApiControllerTests {

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private TrustService service;

	@Test
	@WithMockUser(roles = "OPERATOR")
	void listsTheCurrentTrustsAsJson() throws Exception {
		given(service.current()).willReturn(List.of(TrustControllerTests.OFFICE));

		mvc.perform(get("/api/v1/trusts"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].host").value("mail"))
			.andExpect(jsonPath("$[0].address").value("203.0.113.7"))
			.andExpect(jsonPath("$[0].expiresAt").value("2026-11-25T23:00:00Z"))
			.andExpect(jsonPath("$[0].createdBy").value("alice"))
			.andExpect(jsonPath("$[0].jobId").value(42));
	}

	@Test
	void refusesAStranger() throws Exception {
		mvc.perform(get("/api/v1/trusts")).andExpect(status().isUnauthorized());
	}

}
