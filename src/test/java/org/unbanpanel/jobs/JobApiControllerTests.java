package org.unbanpanel.jobs;

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
import org.unbanpanel.core.InvalidValueException;
import org.unbanpanel.hosts.HostName;
import org.unbanpanel.testsupport.PanelWebTest;

import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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

	@MockitoBean
	private ReleaseWatch watch;

	@Test
	@WithMockUser
	void answersAJobIdThatIsNotPlainDigitsOrHasALeadingZeroWithAProblem() throws Exception {
		for (String id : new String[] { "0x10", "１", "-1", "1e3", "0", "007" }) {
			mvc.perform(get("/api/v1/jobs/" + id))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").value("A job id is a number such as 42."));
		}
	}

	/** Issue 9: the API reads the same data as the page, never a text to split. */
	@Test
	@WithMockUser(roles = "OPERATOR")
	void answersEachValuesBansAsData() throws Exception {
		given(service.find(3)).willReturn(Optional.of(new JobView(3, JobState.PARTLY_DONE, "alice", "203.0.113.7",
				Instant.parse("2026-11-25T11:00:00Z"), null, null, 1, null, null,
				List.of(new ItemView("local", ItemKind.IP, "198.51.100.7", ItemState.PARTLY_UNBANNED, List.of("dovecot"), List.of(),
						List.of(new JailEntry("sshd", "198.51.100.0/24")), List.of(), 0, null),
						new ItemView("local", ItemKind.ACCOUNT, "bob", ItemState.FAILED, List.of(), 0,
								new Failure("account.UNKNOWN_USER", Explanation.of("accounts.tool.unknownUser", "bob", "faillock", "Unknown user")))))));

		mvc.perform(get("/api/v1/jobs/3"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].host").value("local"))
			.andExpect(jsonPath("$.items[0].state").value("PARTLY_UNBANNED"))
			.andExpect(jsonPath("$.items[0].jails[0]").value("dovecot"))
			.andExpect(jsonPath("$.items[0].covering[0].jail").value("sshd"))
			.andExpect(jsonPath("$.items[0].covering[0].entry").value("198.51.100.0/24"))
			.andExpect(jsonPath("$.items[1].error.code").value("account.UNKNOWN_USER"))
			.andExpect(jsonPath("$.items[1].error.message").value("there is no user account named 'bob' (faillock: Unknown user)"));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void answersTheReleasedAddressesBannedAgainAsDataWithTheirHost() throws Exception {
		given(service.find(12)).willReturn(Optional.of(job(12, JobState.DONE)));
		given(watch.bannedAgain(12)).willReturn(List.of(
				new Reban(HostName.LOCAL, "192.0.2.7", "dovecot", 12, Instant.parse("2026-12-01T21:36:01Z"),
						Instant.parse("2026-12-01T21:40:02Z")),
				new Reban(HostName.parse("mail"), "2001:db8::7", "sshd", 12, Instant.parse("2026-12-01T21:36:01Z"),
						Instant.parse("2026-12-01T22:31:00Z"))));

		mvc.perform(get("/api/v1/jobs/12"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(12))
			.andExpect(jsonPath("$.items[0].value").value("4.4.4.4"))
			.andExpect(jsonPath("$.rebans.length()").value(2))
			.andExpect(jsonPath("$.rebans[0].host").value("local"))
			.andExpect(jsonPath("$.rebans[0].jail").value("dovecot"))
			.andExpect(jsonPath("$.rebans[0].entry").value("192.0.2.7"))
			.andExpect(jsonPath("$.rebans[0].releasedAt").value("2026-12-01T21:36:01Z"))
			.andExpect(jsonPath("$.rebans[0].bannedAt").value("2026-12-01T21:40:02Z"))
			.andExpect(jsonPath("$.rebans[0].minutesAfterRelease").value(4))
			.andExpect(jsonPath("$.rebans[1].host").value("mail"))
			.andExpect(jsonPath("$.rebans[1].jail").value("sshd"))
			.andExpect(jsonPath("$.rebans[1].entry").value("2001:db8::7"))
			.andExpect(jsonPath("$.rebans[1].minutesAfterRelease").value(54));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void answersNoReBansAsAnEmptyList() throws Exception {
		given(service.find(5)).willReturn(Optional.of(job(5, JobState.DONE)));

		mvc.perform(get("/api/v1/jobs/5")).andExpect(status().isOk()).andExpect(jsonPath("$.rebans").isEmpty());
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


	@Test
	@WithMockUser(username = "alice", roles = "ADMIN")
	void retriesOrCancelsAWaitingJobAndAnswersTheJob() throws Exception {
		given(service.find(5)).willReturn(Optional.of(job(5, JobState.QUEUED)));
		given(service.retryNow(eq(5L), eq("alice"), anyString())).willReturn(true);
		given(service.cancel(eq(5L), eq("alice"), anyString())).willReturn(false);

		mvc.perform(post("/api/v1/jobs/5/retry")).andExpect(status().isOk()).andExpect(jsonPath("$.id").value(5));
		mvc.perform(post("/api/v1/jobs/5/cancel").header("Accept-Language", "es"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.title").value("La tarea no está esperando"))
			.andExpect(jsonPath("$.detail")
				.value("La tarea 5 no está esperando (está en marcha o ha terminado); no se ha cambiado nada."));
		mvc.perform(post("/api/v1/jobs/6/cancel")).andExpect(status().isNotFound());
	}

	@Test
	@WithMockUser(username = "alice", roles = "ADMIN")
	void runsTheFailedValuesOfAJobAgainAsANewJob() throws Exception {
		given(service.find(5)).willReturn(Optional.of(job(5, JobState.FAILED)));
		given(service.find(8)).willReturn(Optional.of(job(8, JobState.QUEUED)));
		given(service.runAgain(eq(5L), eq("alice"), anyString())).willReturn(Optional.of(8L));

		mvc.perform(post("/api/v1/jobs/5/run-again"))
			.andExpect(status().isAccepted())
			.andExpect(header().string("Location", "/api/v1/jobs/8"))
			.andExpect(jsonPath("$.id").value(8));
		given(service.runAgain(eq(5L), eq("alice"), anyString())).willReturn(Optional.empty());
		mvc.perform(post("/api/v1/jobs/5/run-again"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("Job 5 has no failed value to run again."));
	}

	@Test
	@WithMockUser(username = "alice", roles = "ADMIN")
	void refusesToRunAgainAJobWithAValueForARemovedHost() throws Exception {
		given(service.find(5)).willReturn(Optional.of(job(5, JobState.FAILED)));
		given(service.runAgain(eq(5L), eq("alice"), anyString()))
			.willThrow(new InvalidValueException("mail", ReleaseRequest.UNKNOWN_HOST, "is no host of the fleet"));

		mvc.perform(post("/api/v1/jobs/5/run-again"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.title").value("Host no longer in the panel"))
			.andExpect(jsonPath("$.detail").value(startsWith(
					"Job 5 was not run again: one of its failed values is for mail, which is no longer a host")));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void letsNoOperatorActOnAJob() throws Exception {
		for (String action : new String[] { "retry", "cancel", "run-again" }) {
			mvc.perform(post("/api/v1/jobs/5/" + action)).andExpect(status().isForbidden());
		}
		verify(service, never()).retryNow(anyLong(), anyString(), anyString());
		verify(service, never()).cancel(anyLong(), anyString(), anyString());
		verify(service, never()).runAgain(anyLong(), anyString(), anyString());
	}

	private static JobView job(long id, JobState state) {
		return new JobView(id, state, "alice", "203.0.113.7", Instant.parse("2026-11-25T11:00:00Z"), null, null, 1,
				null, null, List.of(new ItemView("local", ItemKind.IP, "4.4.4.4", ItemState.PENDING, List.of(), 0, null)));
	}

}
