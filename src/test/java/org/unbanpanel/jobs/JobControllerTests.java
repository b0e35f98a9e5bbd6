package org.unbanpanel.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.fail2ban.Fail2banHealth;
import org.unbanpanel.testsupport.PanelWebTest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@WebMvcTest(JobController.class)
@PanelWebTest
class JobControllerTests {

	private static final Instant SUBMITTED = Instant.parse("2026-11-25T11:00:00Z");

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private JobService service;

	@MockitoBean
	private Fail2banHealth health;

	@Test
	@WithMockUser(roles = "OPERATOR")
	void showsALinePerValueOfAFinishedJob() throws Exception {
		given(service.find(7)).willReturn(Optional.of(job(7, JobState.PARTLY_DONE,
				new ItemView(ItemKind.IP, "4.4.4.4", ItemState.UNBANNED, List.of("sshd", "dovecot"), 0, null),
				new ItemView(ItemKind.IP, "7.7.7.7", ItemState.NOT_BANNED, List.of(), 0, null),
				new ItemView(ItemKind.ACCOUNT, "admin", ItemState.CLEARED, List.of(), 5, null),
				new ItemView(ItemKind.ACCOUNT, "bob", ItemState.FAILED, List.of(), 0, "no such user"))));

		mvc.perform(get("/jobs/7"))
			.andExpect(status().isOk())
			.andExpect(view().name("jobs/job"))
			.andExpect(content().string(containsString("unbanned from sshd, dovecot")))
			.andExpect(content().string(containsString("was not banned in any jail")))
			.andExpect(content().string(containsString("5 failed logins cleared")))
			.andExpect(content().string(containsString("failed: no such user")))
			.andExpect(content().string(containsString("partly done")))
			.andExpect(content().string(not(containsString("http-equiv=\"refresh\""))));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void linksAReleasedAddressToWhyItWasBannedAndTheAccountsItLocked() throws Exception {
		given(service.find(8)).willReturn(Optional.of(job(8, JobState.DONE,
				new ItemView(ItemKind.IP, "203.0.113.7", ItemState.UNBANNED, List.of("dovecot"), 0, null),
				new ItemView(ItemKind.IP, "198.51.100.0/24", ItemState.UNBANNED, List.of("sshd"), 0, null))));

		mvc.perform(get("/jobs/8"))
			.andExpect(content().string(containsString("href=\"/lookup?ip=203.0.113.7\"")))
			.andExpect(content().string(containsString("Why it was banned, and the accounts it locked")))
			.andExpect(content().string(not(containsString("/lookup?ip=198.51.100.0"))));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void refreshesItselfWhileTheJobRuns() throws Exception {
		given(service.find(8)).willReturn(Optional.of(job(8, JobState.QUEUED,
				new ItemView(ItemKind.IP, "4.4.4.4", ItemState.PENDING, List.of(), 0, null))));

		mvc.perform(get("/jobs/8"))
			.andExpect(content().string(containsString("http-equiv=\"refresh\"")))
			.andExpect(content().string(containsString("href=\"/jobs/8\"")));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void saysSoWhenFail2banDidNotTrustTheReleasedAddresses() throws Exception {
		JobView job = job(10, JobState.DONE,
				new ItemView(ItemKind.IP, "4.4.4.4", ItemState.UNBANNED, List.of("sshd"), 0, null));
		given(service.find(10)).willReturn(Optional.of(new JobView(job.id(), job.state(), job.submittedBy(),
				job.clientAddress(), job.createdAt(), null, null, 1, null, null, job.items(), Duration.ofHours(12),
				"fail2ban is not running")));

		mvc.perform(get("/jobs/10"))
			.andExpect(content().string(containsString("did not add them to its ignore lists (fail2ban is not running)")))
			.andExpect(content().string(not(containsString("then ignores the released addresses"))));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void saysOnThePageWhyFail2banCannotBeReached() throws Exception {
		given(service.find(11)).willReturn(Optional.of(job(11, JobState.QUEUED)));
		String why = "fail2ban is not running (no socket at /run/fail2ban/fail2ban.sock)";
		given(health.problem()).willReturn(Explanation.of("fail2ban.noSocket", "/run/fail2ban/fail2ban.sock"));
		// a mocked Duration is ZERO, not null: say that fail2ban is not silent
		given(health.notAnsweringFor()).willReturn(null);

		mvc.perform(get("/jobs/11"))
			.andExpect(content().string(containsString("fail2ban cannot be reached:")))
			.andExpect(content().string(containsString(why)));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void saysOnThePageThatFail2banHasNotAnsweredForAWhile() throws Exception {
		given(service.find(12)).willReturn(Optional.of(job(12, JobState.QUEUED)));
		given(health.notAnsweringFor()).willReturn(Duration.ofSeconds(14));

		mvc.perform(get("/jobs/12"))
			.andExpect(content().string(containsString(
					"fail2ban has not answered for 14 s (it may be hung): this page shows the last state it reported")))
			.andExpect(content().string(not(containsString("fail2ban cannot be reached:"))));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void answersNotFoundForAnUnknownJob() throws Exception {
		given(service.find(9)).willReturn(Optional.empty());

		mvc.perform(get("/jobs/9")).andExpect(status().isNotFound());
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void listsRecentJobsWithWhoSubmittedThem() throws Exception {
		given(service.recent(JobController.RECENT)).willReturn(List.of(
				new JobSummary(3, JobState.DONE, "alice", "203.0.113.7", SUBMITTED, SUBMITTED, 2, 1, 0,
						List.of("203.0.113.7", "198.51.100.2", "bob"))));

		mvc.perform(get("/jobs"))
			.andExpect(status().isOk())
			.andExpect(view().name("jobs/list"))
			.andExpect(content().string(containsString("alice")))
			.andExpect(content().string(containsString("203.0.113.7")));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void namesTheValuesOfEachJobInsteadOfCountingThem() throws Exception {
		given(service.recent(JobController.RECENT)).willReturn(List.of(new JobSummary(4, JobState.DONE, "alice",
				"203.0.113.7", SUBMITTED, SUBMITTED, 5, 1, 0, List.of("203.0.113.7", "198.51.100.2", "192.0.2.9",
						"198.51.100.0/24"))));

		mvc.perform(get("/jobs"))
			.andExpect(content().string(containsString("203.0.113.7, 198.51.100.2, 192.0.2.9, 198.51.100.0/24")))
			.andExpect(content().string(containsString("and 2 more")))
			.andExpect(content().string(not(containsString("address(es)"))));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void takesOnlyPlainDigitsAsAJobNumber() throws Exception {
		mvc.perform(get("/jobs/0x10")).andExpect(status().isNotFound());
		mvc.perform(get("/jobs/007")).andExpect(status().isNotFound());
		mvc.perform(get("/jobs/0")).andExpect(status().isNotFound());

		verifyNoInteractions(service);
	}

	private static JobView job(long id, JobState state, ItemView... items) {
		return new JobView(id, state, "alice", "203.0.113.7", SUBMITTED, null, null, 1, null, null, List.of(items));
	}

}
