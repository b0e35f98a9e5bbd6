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

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@WebMvcTest(AuditController.class)
@PanelWebTest
class AuditControllerTests {

	static final AuditEvent UNBANNED = new AuditEvent(7, Instant.parse("2026-11-25T10:15:30Z"), "alice",
			"203.0.113.7", AuditAction.UNBANNED, 42L, "4.4.4.4", "sshd, dovecot", null, null, null, null, null, null);

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private AuditTrail trail;

	@Test
	@WithMockUser(roles = "OPERATOR")
	void showsTheFirstPageOfEveryEventToAnyone() throws Exception {
		given(trail.find(AuditFilter.NONE, 1, AuditForm.DEFAULT_SIZE))
			.willReturn(new AuditPage(List.of(UNBANNED), 1, AuditForm.DEFAULT_SIZE, 1));

		mvc.perform(get("/audit"))
			.andExpect(status().isOk())
			.andExpect(view().name(AuditController.VIEW))
			.andExpect(model().attributeExists("auditForm", "events"))
			.andExpect(model().attributeDoesNotExist("previousPage", "nextPage"))
			.andExpect(content().string(containsString("2026-11-25 10:15:30")))
			.andExpect(content().string(containsString("203.0.113.7")))
			.andExpect(content().string(containsString("unbanned")))
			.andExpect(content().string(containsString("href=\"/jobs/42\"")))
			.andExpect(content().string(containsString("sshd, dovecot")));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void namesTheHostOfABanReleasedOnAnotherHostOfTheFleet() throws Exception {
		AuditEvent onMail = new AuditEvent(8, Instant.parse("2026-11-25T10:15:30Z"), "alice", "203.0.113.7",
				AuditAction.UNBANNED, 42L, "4.4.4.4", null, 3L, "dovecot", null, null, null, "mail");
		AuditEvent local = new AuditEvent(9, Instant.parse("2026-11-25T10:15:30Z"), "alice", "203.0.113.7",
				AuditAction.UNBANNED, 42L, "4.4.4.4", null, 4L, "sshd", null, null, null, "local");
		given(trail.find(AuditFilter.NONE, 1, AuditForm.DEFAULT_SIZE))
			.willReturn(new AuditPage(List.of(onMail, local), 1, AuditForm.DEFAULT_SIZE, 2));

		mvc.perform(get("/audit"))
			.andExpect(content().string(containsString("from dovecot")))
			.andExpect(content().string(containsString("on mail")))
			.andExpect(content().string(not(containsString("on local"))));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void filtersByUserValueAndUtcDaysBothIncluded() throws Exception {
		AuditFilter filter = new AuditFilter("alice", "4.4", Instant.parse("2026-11-24T00:00:00Z"),
				Instant.parse("2026-11-26T00:00:00Z"));
		given(trail.find(filter, 2, 10)).willReturn(new AuditPage(List.of(UNBANNED), 2, 10, 25));

		mvc.perform(get("/audit?user={user}&value=4.4&from=2026-11-24&to=2026-11-25&page=2&size=10", " alice "))
			.andExpect(status().isOk())
			.andExpect(model().attribute("previousPage",
					"/audit?user=%20alice%20&value=4.4&from=2026-11-24&to=2026-11-25&size=10&page=1"))
			.andExpect(model().attribute("nextPage",
					"/audit?user=%20alice%20&value=4.4&from=2026-11-24&to=2026-11-25&size=10&page=3"))
			.andExpect(content().string(containsString("Page 2 of 3 · 25 events")))
			.andExpect(content().string(containsString("value=\"2026-11-24\"")));

		verify(trail).find(filter, 2, 10);
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void namesABadDayInItsFieldInsteadOfFailing() throws Exception {
		mvc.perform(get("/audit").param("from", "25.11.2026").param("to", "2026-02-30"))
			.andExpect(status().isOk())
			.andExpect(view().name(AuditController.VIEW))
			.andExpect(model().attributeHasFieldErrorCode("auditForm", "from", "typeMismatch"))
			.andExpect(model().attributeHasFieldErrorCode("auditForm", "to", "typeMismatch"))
			.andExpect(model().attributeDoesNotExist("events"))
			.andExpect(content().string(containsString("Not a day: write it as YYYY-MM-DD")))
			.andExpect(content().string(containsString("25.11.2026")));

		verifyNoInteractions(trail);
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void refusesARangeThatEndsBeforeItStarts() throws Exception {
		mvc.perform(get("/audit").param("from", "2026-11-25").param("to", "2026-11-24"))
			.andExpect(model().attributeHasFieldErrorCode("auditForm", "to", "audit.to.beforeFrom"));

		verifyNoInteractions(trail);
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void refusesADayTheDatabaseCannotStore() throws Exception {
		mvc.perform(get("/audit").param("to", "+999999999-12-31"))
			.andExpect(model().attributeHasFieldErrorCode("auditForm", "to", "audit.date.outOfRange"));

		verifyNoInteractions(trail);
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void refusesPagesOutsideTheLimits() throws Exception {
		mvc.perform(get("/audit").param("page", "0").param("size", String.valueOf(AuditForm.MAX_SIZE + 1)))
			.andExpect(model().attributeHasFieldErrorCode("auditForm", "page", "Min"))
			.andExpect(model().attributeHasFieldErrorCode("auditForm", "size", "Max"))
			.andExpect(content().string(containsString("at most 200 events")));
		mvc.perform(get("/audit").param("page", "two"))
			.andExpect(model().attributeHasFieldErrorCode("auditForm", "page", "typeMismatch"));

		verifyNoInteractions(trail);
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void saysSoWhenNothingMatches() throws Exception {
		given(trail.find(any(), anyInt(), anyInt())).willReturn(new AuditPage(List.of(), 1, 50, 0));

		mvc.perform(get("/audit").param("user", "nobody"))
			.andExpect(content().string(containsString("No event matches.")))
			.andExpect(content().string(not(containsString("<table"))));
	}

	@Test
	void sendsAStrangerToTheSignInPage() throws Exception {
		mvc.perform(get("/audit")).andExpect(redirectedUrl("/login"));
	}

}
