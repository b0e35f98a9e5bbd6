package org.unbanpanel.trust;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.unbanpanel.testsupport.PanelWebTest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(TrustController.class)
@PanelWebTest
class TrustControllerTests {

	static final Trust OFFICE = new Trust(5, "mail", "203.0.113.7", Instant.parse("2026-11-25T11:00:00Z"),
			Instant.parse("2026-11-25T23:00:00Z"), "alice", "198.51.100.2", 42L, List.of(), true);

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private TrustService service;

	@Test
	@WithMockUser(roles = "ADMIN")
	void listsTheCurrentTrustsWithTheirHostAndAnEndButtonForAdmins() throws Exception {
		given(service.current()).willReturn(List.of(OFFICE));

		mvc.perform(get("/trusts"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("203.0.113.7")))
			.andExpect(content().string(containsString("data-label=\"Host\">mail</td>")))
			.andExpect(content().string(containsString("End the trust of 203.0.113.7 on mail now")))
			.andExpect(content().string(containsString("alice from 198.51.100.2")))
			.andExpect(content().string(containsString("action=\"/trusts/5/end\"")));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void showsAnOperatorTheTrustsWithoutButtonAndRefusesItsPost() throws Exception {
		given(service.current()).willReturn(List.of(OFFICE));

		mvc.perform(get("/trusts"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("203.0.113.7")))
			.andExpect(content().string(not(containsString("/trusts/5/end"))));
		mvc.perform(post("/trusts/5/end").with(csrf())).andExpect(status().isForbidden());
		verify(service).current();
		verifyNoMoreInteractions(service);
	}

	@Test
	@WithMockUser(username = "bob", roles = "ADMIN")
	void endsATrustAndSaysSo() throws Exception {
		given(service.end(5, "bob", "127.0.0.1")).willReturn(Optional.of(OFFICE));

		mvc.perform(post("/trusts/5/end").with(csrf()))
			.andExpect(redirectedUrl("/trusts"))
			.andExpect(flash().attribute("message", containsString("The trust of 203.0.113.7 has ended")));
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void refusesAnEndWithoutToken() throws Exception {
		mvc.perform(post("/trusts/5/end")).andExpect(status().isForbidden());
		verifyNoMoreInteractions(service);
	}

}
