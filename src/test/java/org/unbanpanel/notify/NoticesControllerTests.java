package org.unbanpanel.notify;

import java.time.Instant;
import java.util.List;

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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(NoticesController.class)
@PanelWebTest
class NoticesControllerTests {

	private static final Instant AT = Instant.parse("2026-12-01T21:40:02Z");

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private NoticeRepository notices;

	@MockitoBean
	private Notices destinations;

	@Test
	@WithMockUser(roles = "OPERATOR")
	void listsANoticeThatFailedWithItsAttemptsAndLastErrorForAnOperator() throws Exception {
		given(destinations.destinations()).willReturn(List.of("https://chat.example.org/hooks/T0KEN"));
		given(notices.latest(NoticesController.LATEST)).willReturn(List.of(new Notice(3, "banned-again",
				"https://chat.example.org/hooks/T0KEN", List.of("192.0.2.7", "dovecot", 4, 12), "{}", AT,
				NoticeState.FAILED, 6, null, "no answer in time: request timed out", null)));

		mvc.perform(get("/notices"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("192.0.2.7 was banned again in dovecot 4 min after its release by job 12")))
			.andExpect(content().string(containsString(">failed<")))
			.andExpect(content().string(containsString("<td class=\"attempts\" data-label=\"Attempts\">6</td>")))
			.andExpect(content().string(containsString("no answer in time: request timed out")))
			.andExpect(content().string(containsString("https://chat.example.org/…")))
			.andExpect(content().string(not(containsString("T0KEN"))))
			.andExpect(content().string(not(containsString("No destination is configured"))));
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void saysWhenNoDestinationIsConfigured() throws Exception {
		mvc.perform(get("/notices?lang=es"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No hay ningún destino configurado")))
			.andExpect(content().string(containsString("Todavía no hay avisos.")));
	}

	@Test
	void sendsAnAnonymousVisitorToSignIn() throws Exception {
		mvc.perform(get("/notices")).andExpect(status().is3xxRedirection());
	}

}
