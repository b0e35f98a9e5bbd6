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
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.core.InvalidValueException;
import org.unbanpanel.fail2ban.Fail2banHealth;
import org.unbanpanel.hosts.HostName;
import org.unbanpanel.testsupport.PanelWebTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
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

	@MockitoBean
	private ReleaseWatch watch;

	@Test
	@WithMockUser(roles = "OPERATOR")
	void showsALinePerValueOfAFinishedJob() throws Exception {
		given(service.find(7)).willReturn(Optional.of(job(7, JobState.PARTLY_DONE,
				new ItemView("local", ItemKind.IP, "4.4.4.4", ItemState.UNBANNED, List.of("sshd", "dovecot"), 0, null),
				new ItemView("local", ItemKind.IP, "7.7.7.7", ItemState.NOT_BANNED, List.of(), 0, null),
				new ItemView("local", ItemKind.ACCOUNT, "admin", ItemState.CLEARED, List.of(), 5, null),
				new ItemView("local", ItemKind.ACCOUNT, "bob", ItemState.FAILED, List.of(), 0,
						new Failure("account.UNKNOWN_USER",
								Explanation.of("accounts.tool.unknownUser", "bob", "faillock", "Unknown user"))))));

		mvc.perform(get("/jobs/7"))
			.andExpect(status().isOk())
			.andExpect(view().name("jobs/job"))
			.andExpect(content().string(containsString("unbanned from sshd, dovecot")))
			.andExpect(content().string(containsString("was not banned in any jail")))
			.andExpect(content().string(containsString("5 failed logins cleared")))
			.andExpect(content().string(containsString("failed: there is no user account named &#39;bob&#39; "
					+ "(faillock: Unknown user)")))
			.andExpect(content().string(containsString("partly done")))
			.andExpect(content().string(not(containsString("by-value"))))
			.andExpect(content().string(not(containsString("class=\"host\""))))
			.andExpect(content().string(not(containsString("http-equiv=\"refresh\""))));
		mvc.perform(get("/jobs/7").header("Accept-Language", "es"))
			.andExpect(content().string(containsString("error: no existe ninguna cuenta llamada «bob» "
					+ "(faillock: Unknown user)")));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void linksAReleasedAddressToWhyItWasBannedAndTheAccountsItLocked() throws Exception {
		given(service.find(8)).willReturn(Optional.of(job(8, JobState.DONE,
				new ItemView("local", ItemKind.IP, "203.0.113.7", ItemState.UNBANNED, List.of("dovecot"), 0, null),
				new ItemView("local", ItemKind.IP, "198.51.100.0/24", ItemState.UNBANNED, List.of("sshd"), 0, null))));

		mvc.perform(get("/jobs/8"))
			.andExpect(content().string(containsString("href=\"/lookup?ip=203.0.113.7\"")))
			.andExpect(content().string(containsString("Why it was banned, and the accounts it locked")))
			.andExpect(content().string(not(containsString("/lookup?ip=198.51.100.0"))));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void saysWhichReleasedAddressWasBannedAgainWhereAndHowSoonWithItsEvidence() throws Exception {
		given(service.find(9)).willReturn(Optional.of(job(9, JobState.DONE,
				new ItemView("local", ItemKind.IP, "203.0.113.7", ItemState.UNBANNED, List.of("dovecot"), 0, null))));
		given(watch.bannedAgain(9)).willReturn(List.of(new Reban(HostName.LOCAL, "203.0.113.7", "dovecot", 9,
				SUBMITTED.plusSeconds(5), SUBMITTED.plusSeconds(5 + 4 * 60 + 30))));

		mvc.perform(get("/jobs/9"))
			.andExpect(content().string(containsString("203.0.113.7 was banned again in dovecot 4 min after its release")))
			.andExpect(content().string(containsString("seen at 2026-11-25 11:04:35")))
			.andExpect(content().string(containsString("href=\"/evidence?jail=dovecot&amp;ip=203.0.113.7\"")));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void namesTheHostOfEachNewBanOfAJobAcrossHostsWithEvidenceForThisMachineOnly() throws Exception {
		given(service.find(9)).willReturn(Optional.of(job(9, JobState.DONE,
				new ItemView("local", ItemKind.IP, "203.0.113.7", ItemState.UNBANNED, List.of("dovecot"), 0, null),
				new ItemView("mail", ItemKind.IP, "203.0.113.7", ItemState.UNBANNED, List.of("sasl"), 0, null))));
		given(watch.bannedAgain(9)).willReturn(List.of(new Reban(HostName.parse("mail"), "203.0.113.7", "sasl", 9,
				SUBMITTED.plusSeconds(5), SUBMITTED.plusSeconds(5 + 2 * 60))));

		mvc.perform(get("/jobs/9").header("Accept-Language", "ca"))
			.andExpect(content().string(containsString(
					"203.0.113.7 s&#39;ha bloquejat de nou a sasl al servidor mail 2 min després de desbloquejar-la")))
			.andExpect(content().string(not(containsString("/evidence?jail=sasl"))));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void saysUntilWhenTheReleasedAddressesAreWatched() throws Exception {
		given(service.find(10)).willReturn(Optional.of(job(10, JobState.DONE,
				new ItemView("local", ItemKind.IP, "203.0.113.7", ItemState.UNBANNED, List.of("dovecot"), 0, null))));
		given(watch.watchedUntil(10)).willReturn(Optional.of(SUBMITTED.plusSeconds(3600)));

		mvc.perform(get("/jobs/10"))
			.andExpect(content().string(containsString("watched for a new ban until 2026-11-25 12:00")))
			.andExpect(content().string(not(containsString("Banned again after the release"))));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void refreshesItselfWhileTheJobRuns() throws Exception {
		given(service.find(8)).willReturn(Optional.of(job(8, JobState.QUEUED,
				new ItemView("local", ItemKind.IP, "4.4.4.4", ItemState.PENDING, List.of(), 0, null))));

		mvc.perform(get("/jobs/8"))
			.andExpect(content().string(containsString("http-equiv=\"refresh\"")))
			.andExpect(content().string(containsString("href=\"/jobs/8\"")));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void saysSoWhenFail2banDidNotTrustTheReleasedAddresses() throws Exception {
		JobView job = job(10, JobState.DONE,
				new ItemView("local", ItemKind.IP, "4.4.4.4", ItemState.UNBANNED, List.of("sshd"), 0, null));
		given(service.find(10)).willReturn(Optional.of(withTrust(job, new JobTrusts.Outcome(false, false,
				List.of(new JobTrusts.HostProblem("local", "fail2ban is not running"))))));

		mvc.perform(get("/jobs/10"))
			.andExpect(content().string(containsString("has not added them to its ignore lists yet on these hosts")))
			.andExpect(content().string(containsString("<li>local: fail2ban is not running</li>")))
			.andExpect(content().string(not(containsString("then ignores the released addresses"))))
			.andExpect(content().string(not(containsString("http-equiv=\"refresh\""))));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void namesEachHostWhoseFail2banDidNotTrustTheReleasedAddresses() throws Exception {
		JobView job = job(11, JobState.DONE,
				new ItemView("local", ItemKind.IP, "4.4.4.4", ItemState.UNBANNED, List.of("sshd"), 0, null),
				new ItemView("mail", ItemKind.IP, "4.4.4.4", ItemState.UNBANNED, List.of("dovecot"), 0, null),
				new ItemView("web", ItemKind.IP, "4.4.4.4", ItemState.UNBANNED, List.of("apache"), 0, null));
		given(service.find(11)).willReturn(Optional.of(withTrust(job, new JobTrusts.Outcome(false, false,
				List.of(new JobTrusts.HostProblem("mail", "fail2ban is not running"),
						new JobTrusts.HostProblem("web", "the host cannot be reached"))))));

		mvc.perform(get("/jobs/11").header("Accept-Language", "es"))
			.andExpect(content().string(containsString("en estos servidores")))
			.andExpect(content().string(containsString("<li>mail: fail2ban is not running</li>")))
			.andExpect(content().string(containsString("<li>web: the host cannot be reached</li>")))
			.andExpect(content().string(not(containsString("<li>local:"))));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void keepsRefreshingWhileAHostHasNotHadItsTurnAtTheTrustThoughAnotherDidNotTakeIt() throws Exception {
		JobView job = job(13, JobState.DONE,
				new ItemView("local", ItemKind.IP, "4.4.4.4", ItemState.UNBANNED, List.of("sshd"), 0, null),
				new ItemView("mail", ItemKind.IP, "4.4.4.4", ItemState.UNBANNED, List.of("dovecot"), 0, null));
		given(service.find(13)).willReturn(Optional.of(withTrust(job, new JobTrusts.Outcome(false, true,
				List.of(new JobTrusts.HostProblem("mail", "fail2ban is not running"))))));

		mvc.perform(get("/jobs/13"))
			.andExpect(content().string(containsString("<li>mail: fail2ban is not running</li>")))
			.andExpect(content().string(containsString("http-equiv=\"refresh\"")));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void refreshesItselfUntilTheTrustOfAFinishedJobIsApplied() throws Exception {
		JobView job = job(12, JobState.DONE,
				new ItemView("local", ItemKind.IP, "4.4.4.4", ItemState.UNBANNED, List.of("sshd"), 0, null));
		given(service.find(12)).willReturn(Optional.of(withTrust(job, JobTrusts.Outcome.PENDING)),
				Optional.of(withTrust(job, new JobTrusts.Outcome(true, false, List.of()))));

		mvc.perform(get("/jobs/12"))
			.andExpect(content().string(containsString("ignore list for 12 h")))
			.andExpect(content().string(containsString("http-equiv=\"refresh\"")));
		mvc.perform(get("/jobs/12"))
			.andExpect(content().string(containsString("then ignores the released addresses for 12 h")))
			.andExpect(content().string(not(containsString("http-equiv=\"refresh\""))));
	}

	/** Issue 9: a partial release read "failed"; it says what was released and what still blocks the address. */
	@Test
	@WithMockUser(roles = "ADMIN")
	void showsAPartlyReleasedAddressWithTheNetworkThatStillBlocksItAndAButtonToReleaseIt() throws Exception {
		given(service.find(13)).willReturn(Optional.of(job(13, JobState.PARTLY_DONE, PARTLY, NETWORK)));

		mvc.perform(get("/jobs/13"))
			.andExpect(content().string(containsString(
					"partly unbanned: released from sshd, dovecot, sasl, but a wider banned network still blocks it")))
			.andExpect(content().string(containsString("still blocked by the banned network 198.51.100.0/24 in sshd")))
			.andExpect(content().string(containsString("action=\"/jobs/13/release-network\"")))
			.andExpect(content().string(containsString("releases every address in 198.51.100.0/24 from sshd")))
			.andExpect(content().string(containsString("198.51.100.20 unbanned from apache")));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void offersAnOperatorNoRelease() throws Exception {
		given(service.find(13)).willReturn(Optional.of(job(13, JobState.PARTLY_DONE, PARTLY)));

		mvc.perform(get("/jobs/13"))
			.andExpect(content().string(containsString("still blocked by the banned network 198.51.100.0/24 in sshd")))
			.andExpect(content().string(not(containsString("release-network"))));
		mvc.perform(post("/jobs/13/release-network").with(csrf()).param("network", "198.51.100.0/24")
			.param("jail", "sshd").param("confirmed", "true")).andExpect(status().isForbidden());
	}

	@Test
	@WithMockUser(username = "alice", roles = "ADMIN")
	void releasesTheNetworkThatStillBlocksAnAddressFromItsJailOnceConfirmed() throws Exception {
		given(service.find(13)).willReturn(Optional.of(job(13, JobState.PARTLY_DONE, PARTLY)));
		given(service.submit(any(), anyString(), anyString())).willReturn(14L);

		mvc.perform(post("/jobs/13/release-network").with(csrf()).param("network", "198.51.100.0/24")
			.param("jail", "sshd"))
			.andExpect(redirectedUrl("/jobs/13"))
			.andExpect(flash().attribute("actionError",
					"Tick the box to confirm that the whole network is to be released."));
		mvc.perform(post("/jobs/13/release-network").with(csrf()).param("network", "10.0.0.0/8")
			.param("jail", "sshd").param("confirmed", "true"))
			.andExpect(redirectedUrl("/jobs/13"))
			.andExpect(flash().attribute("actionError",
					"'10.0.0.0/8' in sshd is not a network that blocks a value of this job."));
		verify(service, never()).submit(any(), anyString(), anyString());

		mvc.perform(post("/jobs/13/release-network").with(csrf()).param("network", "198.51.100.0/24")
			.param("jail", "sshd").param("confirmed", "true"))
			.andExpect(redirectedUrl("/jobs/14"))
			.andExpect(flash().attribute("message", "Job 14 is queued: 198.51.100.0/24 will be released from sshd."));
		verify(service).submit(eq(new ReleaseRequest(List.of(BanTarget.parse("198.51.100.0/24")), List.of(),
				Duration.ZERO, List.of("sshd"), List.of(HostName.LOCAL))), eq("alice"), anyString());
	}

	@Test
	@WithMockUser(username = "alice", roles = "ADMIN")
	void releasesTheNetworkThatStillBlocksAnAddressOnTheHostWhereItDoes() throws Exception {
		ItemView onMail = new ItemView("mail", PARTLY.kind(), PARTLY.value(), PARTLY.state(), PARTLY.jails(),
				PARTLY.inside(), PARTLY.covering(), PARTLY.stillBanned(), 0, null);
		given(service.find(13)).willReturn(Optional.of(job(13, JobState.PARTLY_DONE, NOT_BANNED_LOCALLY, onMail)));
		given(service.submit(any(), anyString(), anyString())).willReturn(14L);

		mvc.perform(get("/jobs/13")).andExpect(content().string(containsString("name=\"host\" value=\"mail\"")));
		mvc.perform(post("/jobs/13/release-network").with(csrf()).param("network", "198.51.100.0/24")
			.param("jail", "sshd").param("confirmed", "true"))
			.andExpect(flash().attribute("actionError",
					"'198.51.100.0/24' in sshd is not a network that blocks a value of this job."));
		mvc.perform(post("/jobs/13/release-network").with(csrf()).param("network", "198.51.100.0/24")
			.param("jail", "sshd").param("host", "mail").param("confirmed", "true"))
			.andExpect(redirectedUrl("/jobs/14"));
		verify(service).submit(eq(new ReleaseRequest(List.of(BanTarget.parse("198.51.100.0/24")), List.of(),
				Duration.ZERO, List.of("sshd"), List.of(HostName.parse("mail")))), eq("alice"), anyString());
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void givesEachValueALinePerHostWhenTheJobSpansSeveralAndShowsAWaitingHostWithTheReason() throws Exception {
		Explanation down = Explanation.of("hosts.problem.unreachable", "backup", "connection refused");
		given(service.find(8)).willReturn(Optional.of(new JobView(8, JobState.QUEUED, "alice", "203.0.113.7", SUBMITTED,
				SUBMITTED, null, 1, SUBMITTED.plusSeconds(1), new Failure("waiting",
						Explanation.of("job.waiting.host", "backup", down)),
				List.of(new ItemView("local", ItemKind.IP, "4.4.4.4", ItemState.UNBANNED, List.of("sshd"), 0, null),
						new ItemView("mail", ItemKind.IP, "4.4.4.4", ItemState.UNBANNED, List.of("dovecot"), 0, null),
						new ItemView("backup", ItemKind.IP, "4.4.4.4", ItemState.PENDING, List.of(), 0,
								new Failure("waiting", down))))));

		mvc.perform(get("/jobs/8"))
			.andExpect(content().string(containsString("class=\"results by-value\"")))
			.andExpect(content().string(containsString("<span class=\"value\">4.4.4.4</span>")))
			.andExpect(content().string(containsString("<span class=\"host\">mail:</span>")))
			.andExpect(content().string(containsString("unbanned from dovecot")))
			.andExpect(content().string(containsString("<span class=\"host\">backup:</span>")))
			.andExpect(content().string(containsString("fail2ban cannot be reached, the job waits and tries again: "
					+ "on backup: cannot reach backup: connection refused")))
			.andExpect(content().string(containsString("fail2ban cannot be reached, the job waits and tries again: "
					+ "cannot reach backup: connection refused")));
		mvc.perform(get("/jobs/8").header("Accept-Language", "ca"))
			.andExpect(content().string(containsString("a backup: no es pot contactar amb backup: connection refused")));
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
	@WithMockUser(username = "alice", roles = "ADMIN")
	void showsAWaitingJobsAttemptsNextTryAndGiveUpTimeWithItsErrorOnceAndOffersRetryAndCancel() throws Exception {
		Explanation why = Explanation.of("fail2ban.noSocket", "/run/fail2ban/fail2ban.sock");
		given(health.problem()).willReturn(why);
		given(service.find(15)).willReturn(Optional.of(new JobView(15, JobState.QUEUED, "alice", "203.0.113.7",
				SUBMITTED, SUBMITTED, null, 3, SUBMITTED.plusSeconds(7), new Failure("waiting", why),
				List.of(new ItemView("local", ItemKind.IP, "4.4.4.4", ItemState.PENDING, List.of(), 0, null),
						new ItemView("local", ItemKind.IP, "5.5.5.5", ItemState.PENDING, List.of(), 0, null)),
				Duration.ZERO, List.of(), null,
				List.of(SUBMITTED, SUBMITTED.plusSeconds(1), SUBMITTED.plusSeconds(3)),
				SUBMITTED.plus(Duration.ofMinutes(10)))));

		String page = mvc.perform(get("/jobs/15")).andReturn().getResponse().getContentAsString();

		assertThat(page).containsOnlyOnce("fail2ban is not running (no socket at /run/fail2ban/fail2ban.sock)");
		assertThat(page).contains("Attempts", "2026-11-25 11:00:00 UTC", "2026-11-25 11:00:01 UTC",
				"2026-11-25 11:00:03 UTC", "Next try", "2026-11-25 11:00:07 UTC", "Gives up",
				"2026-11-25 11:10:00 UTC");
		assertThat(page).contains("action=\"/jobs/15/retry\"", "action=\"/jobs/15/cancel\"", "Retry now",
				"Cancel the job");
		assertThat(page).doesNotContain("/jobs/15/run-again");
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void offersAnOperatorNoActionOnAWaitingJob() throws Exception {
		given(service.find(15)).willReturn(Optional.of(new JobView(15, JobState.QUEUED, "alice", "203.0.113.7",
				SUBMITTED, SUBMITTED, null, 2, SUBMITTED.plusSeconds(3), new Failure("waiting", null),
				List.of(new ItemView("local", ItemKind.IP, "4.4.4.4", ItemState.PENDING, List.of(), 0, null)))));

		mvc.perform(get("/jobs/15"))
			.andExpect(content().string(containsString("Next try")))
			.andExpect(content().string(not(containsString("/jobs/15/retry"))))
			.andExpect(content().string(not(containsString("/jobs/15/cancel"))));
		mvc.perform(post("/jobs/15/retry").with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post("/jobs/15/cancel").with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post("/jobs/15/run-again").with(csrf())).andExpect(status().isForbidden());
		verify(service, never()).retryNow(anyLong(), anyString(), anyString());
		verify(service, never()).cancel(anyLong(), anyString(), anyString());
		verify(service, never()).runAgain(anyLong(), anyString(), anyString());
	}

	@Test
	@WithMockUser(username = "alice", roles = "ADMIN")
	void saysTheErrorOfAJobThatGaveUpOnceAndOffersToRunItAgain() throws Exception {
		Failure gaveUp = new Failure("fail2ban.UNREACHABLE",
				Explanation.of("fail2ban.noSocket", "/run/fail2ban/fail2ban.sock"));
		given(health.problem()).willReturn(gaveUp.message());
		given(service.find(16)).willReturn(Optional.of(new JobView(16, JobState.FAILED, "alice", "203.0.113.7",
				SUBMITTED, SUBMITTED, SUBMITTED.plus(Duration.ofMinutes(10)), 25, null, gaveUp,
				List.of(new ItemView("local", ItemKind.IP, "4.4.4.4", ItemState.FAILED, List.of(), 0, gaveUp),
						new ItemView("local", ItemKind.IP, "5.5.5.5", ItemState.FAILED, List.of(), 0, gaveUp)))));

		String page = mvc.perform(get("/jobs/16")).andReturn().getResponse().getContentAsString();

		assertThat(page).containsOnlyOnce("fail2ban is not running (no socket at /run/fail2ban/fail2ban.sock)");
		assertThat(page).containsOnlyOnce("fail2ban could not be reached before the job&#39;s retry time ran out");
		assertThat(page.split("failed, for the reason above", -1)).hasSize(3);
		assertThat(page).contains("action=\"/jobs/16/run-again\"", "Run the failed values again");
		assertThat(page).doesNotContain("/jobs/16/retry", "/jobs/16/cancel", "Next try");
	}

	@Test
	@WithMockUser(username = "alice", roles = "ADMIN")
	void retriesAWaitingJobNowAndSaysSo() throws Exception {
		given(service.find(15)).willReturn(Optional.of(job(15, JobState.QUEUED)));
		given(service.retryNow(eq(15L), eq("alice"), anyString())).willReturn(true);

		mvc.perform(post("/jobs/15/retry").with(csrf()))
			.andExpect(redirectedUrl("/jobs/15"))
			.andExpect(flash().attribute("message", "Job 15 is being tried again now."));
		mvc.perform(post("/jobs/15/retry")).andExpect(status().isForbidden());
	}

	@Test
	@WithMockUser(username = "alice", roles = "ADMIN")
	void refusesToRetryOrCancelAJobThatNoLongerWaits() throws Exception {
		given(service.find(15)).willReturn(Optional.of(job(15, JobState.DONE)));

		mvc.perform(post("/jobs/15/retry").with(csrf()))
			.andExpect(redirectedUrl("/jobs/15"))
			.andExpect(flash().attribute("actionError",
					"Job 15 no longer waits for fail2ban; nothing was changed."));
		mvc.perform(post("/jobs/15/cancel").with(csrf()).header("Accept-Language", "ca"))
			.andExpect(redirectedUrl("/jobs/15"))
			.andExpect(flash().attribute("actionError",
					"La tasca 15 no està esperant (està en curs o ha acabat); no s'ha canviat res."));
		mvc.perform(post("/jobs/99/cancel").with(csrf())).andExpect(status().isNotFound());
	}

	@Test
	@WithMockUser(username = "alice", roles = "ADMIN")
	void cancelsAWaitingJobAndSaysSo() throws Exception {
		given(service.find(15)).willReturn(Optional.of(job(15, JobState.FAILED)));
		given(service.cancel(eq(15L), eq("alice"), anyString())).willReturn(true);

		mvc.perform(post("/jobs/15/cancel").with(csrf()).header("Accept-Language", "es"))
			.andExpect(redirectedUrl("/jobs/15"))
			.andExpect(flash().attribute("message",
					"La tarea 15 se ha cancelado; lo que ya había hecho se mantiene."));
	}

	@Test
	@WithMockUser(username = "alice", roles = "ADMIN")
	void runsTheFailedValuesAgainAsANewJobAndShowsIt() throws Exception {
		given(service.runAgain(eq(16L), eq("alice"), anyString())).willReturn(Optional.of(17L));
		given(service.find(16)).willReturn(Optional.of(job(16, JobState.DONE)));

		mvc.perform(post("/jobs/16/run-again").with(csrf()))
			.andExpect(redirectedUrl("/jobs/17"))
			.andExpect(flash().attribute("message", "Job 17 is queued: it tries the failed values of job 16 again."));
		given(service.runAgain(eq(16L), eq("alice"), anyString())).willReturn(Optional.empty());
		mvc.perform(post("/jobs/16/run-again").with(csrf()))
			.andExpect(redirectedUrl("/jobs/16"))
			.andExpect(flash().attribute("actionError", "Job 16 has no failed value to run again."));
	}

	@Test
	@WithMockUser(username = "alice", roles = "ADMIN")
	void saysWhyAJobWithAValueForARemovedHostIsNotRunAgain() throws Exception {
		given(service.runAgain(eq(16L), eq("alice"), anyString()))
			.willThrow(new InvalidValueException("mail", ReleaseRequest.UNKNOWN_HOST, "is no host of the fleet"));

		mvc.perform(post("/jobs/16/run-again").with(csrf()))
			.andExpect(redirectedUrl("/jobs/16"))
			.andExpect(flash().attribute("actionError", "Job 16 was not run again: one of its failed values is for mail, "
					+ "which is no longer a host of this panel (it was removed from panel.hosts). Submit the values for "
					+ "the other hosts from Unblock Access."));
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

	private static final ItemView PARTLY = new ItemView("local", ItemKind.IP, "198.51.100.7", ItemState.PARTLY_UNBANNED,
			List.of("sshd", "dovecot", "sasl"), List.of(), List.of(new JailEntry("sshd", "198.51.100.0/24")), List.of(),
			0, null);

	private static final ItemView NETWORK = new ItemView("local", ItemKind.IP, "198.51.100.0/25", ItemState.UNBANNED,
			List.of(), List.of(new JailEntry("apache", "198.51.100.20")), List.of(), List.of(), 0, null);

	private static final ItemView NOT_BANNED_LOCALLY = new ItemView("local", ItemKind.IP, "198.51.100.7",
			ItemState.NOT_BANNED, List.of(), 0, null);

	private static JobView withTrust(JobView job, JobTrusts.Outcome report) {
		return new JobView(job.id(), job.state(), job.submittedBy(), job.clientAddress(), job.createdAt(), null, null,
				1, null, null, job.items(), Duration.ofHours(12), List.of(), report, List.of(), null);
	}

	private static JobView job(long id, JobState state, ItemView... items) {
		return new JobView(id, state, "alice", "203.0.113.7", SUBMITTED, null, null, 1, null, null, List.of(items));
	}

}
