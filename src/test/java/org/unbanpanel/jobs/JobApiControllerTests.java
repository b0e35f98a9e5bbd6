package org.unbanpanel.jobs;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.unbanpanel.testsupport.PanelWebTest;

import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(JobApiController.class)
@PanelWebTest
class JobApiControllerTests {

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private JobService service;

	@Test
	@WithMockUser
	void answersAJobIdThatIsNotPlainDigitsOrHasALeadingZeroWithAProblem() throws Exception {
		for (String id : new String[] { "0x10", "１", "-1", "1e3", "0", "007" }) {
			mvc.perform(get("/api/v1/jobs/" + id))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").value("A job id is a number such as 42."));
		}
	}

	@Test
	void asksForBasicAuthentication() throws Exception {
		mvc.perform(get("/api/v1/jobs/1"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().exists("WWW-Authenticate"));
	}

	@Test
	void refusesWrongCredentials() throws Exception {
		mvc.perform(get("/api/v1/jobs/1").with(httpBasic("admin", "wrong"))).andExpect(status().isUnauthorized());
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void answersNotFoundAsAProblem() throws Exception {
		given(service.find(1)).willReturn(Optional.empty());

		mvc.perform(get("/api/v1/jobs/1")).andExpect(status().isNotFound()).andExpect(jsonPath("$.status").value(404));
	}

}
