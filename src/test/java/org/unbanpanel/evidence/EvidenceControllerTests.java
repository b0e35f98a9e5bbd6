package org.unbanpanel.evidence;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.unbanpanel.testsupport.PanelWebTest;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.unbanpanel.evidence.EvidenceExamples.OFFICE_ADDRESS;

@WebMvcTest(EvidenceController.class)
@PanelWebTest
class EvidenceControllerTests {

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private EvidenceService evidence;

	@Test
	@WithMockUser(roles = "OPERATOR")
	void showsTheFailuresAccountsAndLinesBehindTheBanAndTheHistory() throws Exception {
		given(evidence.forLatestBan("dovecot", OFFICE_ADDRESS)).willReturn(Optional.of(EvidenceExamples.dovecot()));
		given(evidence.history(OFFICE_ADDRESS)).willReturn(EvidenceExamples.history());

		mvc.perform(get("/evidence").param("jail", "dovecot").param("ip", "203.0.113.7"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Why 203.0.113.7 was banned in dovecot"),
					containsString("15 failed logins in that window"), containsString("imap \u00d715"),
					containsString("alice@example.org \u00d714 over imap"), containsString("bob \u00d71 over imap"),
					containsString("1 more line holds the address"), containsString("<details>"),
					containsString("Log lines (15)"), containsString("14 earlier lines are not shown"),
					containsString("TLS &lt;script&gt;"), not(containsString("TLS <script>")),
					containsString("/var/log/mail.log.2.gz cannot be read: the panel&#39;s user may not read it"),
					containsString("Banned 4 times in 7 days"), containsString("3 of them in dovecot"),
					containsString("after failures for alice@example.org"), containsString("sasl: 1 ban"),
					containsString("by admin (job 3)"))));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void saysWhenNoBanOfTheAddressIsKnown() throws Exception {
		given(evidence.forLatestBan("dovecot", OFFICE_ADDRESS)).willReturn(Optional.empty());
		given(evidence.history(OFFICE_ADDRESS)).willReturn(new History("203.0.113.7", java.time.Duration.ofDays(30),
				java.util.List.of(), 0, java.util.List.of(), null, java.util.List.of(), null, null));

		mvc.perform(get("/evidence").param("jail", "dovecot").param("ip", "203.0.113.7"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("The jail dovecot holds no ban of 203.0.113.7"),
					containsString("records no ban of this address in the last 30 days"))));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void refusesANetworkOrAnythingButAnAddressBeforeAskingAnything() throws Exception {
		mvc.perform(get("/evidence").param("jail", "dovecot").param("ip", "203.0.113.0/24"))
			.andExpect(content().string(containsString("203.0.113.0/24&#39; is a network")));
		mvc.perform(get("/evidence").param("jail", "dovecot").param("ip", "$(id)"))
			.andExpect(content().string(containsString("contains a blank, a control character or shell syntax")));
		verifyNoInteractions(evidence);
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void saysWhenFail2banCannotBeAsked() throws Exception {
		given(evidence.forLatestBan(anyString(), any()))
			.willThrow(EvidenceExamples.fail2banNotRunning());

		mvc.perform(get("/evidence").param("jail", "dovecot").param("ip", "203.0.113.7"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("fail2ban cannot be asked: fail2ban is not running")));
	}

	@Test
	void sendsVisitorsWhoAreNotSignedInToTheSignInPage() throws Exception {
		mvc.perform(get("/evidence").param("jail", "dovecot").param("ip", "203.0.113.7"))
			.andExpect(status().is3xxRedirection());
		verifyNoInteractions(evidence);
	}

}
