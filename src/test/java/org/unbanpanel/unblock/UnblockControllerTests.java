package org.unbanpanel.unblock;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.unbanpanel.core.AccountName;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.fail2ban.Fail2ban;
import org.unbanpanel.fail2ban.Fail2banException;
import org.unbanpanel.fail2ban.HeldBan;
import org.unbanpanel.hosts.HostName;
import org.unbanpanel.jobs.JobService;
import org.unbanpanel.jobs.Reban;
import org.unbanpanel.jobs.ReleaseRequest;
import org.unbanpanel.pam.AccountLocks;
import org.unbanpanel.trust.TrustPolicy;
import org.unbanpanel.watch.WatchService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@WebMvcTest(UnblockController.class)
@UnblockWebTest
class UnblockControllerTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private AccountLocks accountLocks;

	@Autowired
	private JobService service;

	@MockitoBean
	private WatchService watch;

	@Autowired
	private Fail2ban fail2ban;

	@Test
	@WithMockUser(roles = "ADMIN")
	void showsTheFormWithTheVisitorsOwnAddress() throws Exception {
		mvc.perform(get("/system/unblock").with(request -> {
			request.setRemoteAddr("203.0.113.7");
			return request;
		}))
			.andExpect(status().isOk())
			.andExpect(view().name(UnblockController.VIEW))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("You are connecting from 203.0.113.7")));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void listsTheAddressesBannedAgainInTheLast24HoursWithTheirJobAndEvidence() throws Exception {
		Instant released = Instant.parse("2026-11-25T10:00:00Z");
		given(watch.recent()).willReturn(List.of(new Reban(HostName.LOCAL, "192.0.2.7", "dovecot", 12, released,
				released.plus(Duration.ofMinutes(4)))));

		mvc.perform(get("/system/unblock"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Banned again in the last 24 h")))
			.andExpect(content().string(containsString("href=\"/lookup?ip=192.0.2.7\"")))
			.andExpect(content().string(containsString("href=\"/evidence?jail=dovecot&amp;ip=192.0.2.7\"")))
			.andExpect(content().string(containsString(">4 min<")))
			.andExpect(content().string(containsString("href=\"/jobs/12\"")));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void namesTheHostOfEachAddressBannedAgainInAFleetAndLinksEvidenceForThisMachineOnly() throws Exception {
		given(service.hosts()).willReturn(FLEET);
		Instant released = Instant.parse("2026-11-25T10:00:00Z");
		given(watch.recent()).willReturn(List.of(
				new Reban(HostName.parse("mail"), "192.0.2.8", "sasl", 12, released, released.plusSeconds(60)),
				new Reban(HostName.LOCAL, "192.0.2.7", "dovecot", 12, released, released.plusSeconds(60))));

		mvc.perform(get("/system/unblock").header("Accept-Language", "es"))
			.andExpect(content().string(containsString("<th scope=\"col\">Servidor</th>")))
			.andExpect(content().string(containsString("<td data-label=\"Servidor\">mail</td>")))
			.andExpect(content().string(containsString("href=\"/evidence?jail=dovecot&amp;ip=192.0.2.7\"")))
			.andExpect(content().string(not(containsString("/evidence?jail=sasl"))));
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void saysWhenNoReleasedAddressWasBannedAgain() throws Exception {
		mvc.perform(get("/system/unblock"))
			.andExpect(content().string(containsString("No released address was banned again in the last 24 h.")));
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void saysInWhichJailsTheVisitorsAddressIsBannedAndLinksToItsLookup() throws Exception {
		BanTarget visitor = BanTarget.parse("203.0.113.7");
		given(fail2ban.whereBanned(List.of(visitor))).willReturn(Map.of(visitor,
				List.of(new HeldBan("dovecot", "203.0.113.7", HeldBan.Overlap.OWN),
						new HeldBan("sasl", "203.0.113.0/24", HeldBan.Overlap.AROUND))));

		mvc.perform(get("/system/unblock").with(request -> {
			request.setRemoteAddr("203.0.113.7");
			return request;
		}))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Your address is banned in dovecot, sasl")))
			.andExpect(content().string(containsString("href=\"/lookup?ip=203.0.113.7\"")));
		verify(fail2ban, times(1)).whereBanned(anyCollection());
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void keepsThePageWorkingWhenFail2banIsDown() throws Exception {
		given(fail2ban.whereBanned(anyCollection()))
			.willThrow(new Fail2banException(Fail2banException.Reason.UNREACHABLE,
					Explanation.of("fail2ban.noSocket", "/run/fail2ban/fail2ban.sock")));

		mvc.perform(get("/system/unblock"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Your address is banned"))));
	}

	@Test
	@WithMockUser(username = "alice", roles = "ADMIN")
	void queuesTheChosenTrustWithTheRequest() throws Exception {
		given(service.submit(any(), anyString(), anyString())).willReturn(42L);

		mvc.perform(post("/system/unblock").with(csrf()).param("ips", "203.0.113.7").param("trust", "24h"))
			.andExpect(redirectedUrl("/jobs/42"));

		verify(service).submit(eq(new ReleaseRequest(List.of(BanTarget.parse("203.0.113.7")), List.of(),
				Duration.ofHours(24))), eq("alice"), eq("127.0.0.1"));
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void offersNoChoiceOfHostsOnAPanelThatIsItsOnlyHost() throws Exception {
		mvc.perform(get("/system/unblock"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("name=\"hosts\""))));
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void offersEveryHostOfTheFleetTickedAtFirst() throws Exception {
		given(service.hosts()).willReturn(FLEET);

		mvc.perform(get("/system/unblock"))
			.andExpect(content().string(containsString("Release on the hosts")))
			.andExpect(content().string(containsString("name=\"hosts\" value=\"local\" checked=\"checked\"")))
			.andExpect(content().string(containsString("name=\"hosts\" value=\"mail\" checked=\"checked\"")))
			.andExpect(content().string(containsString("name=\"hosts\" value=\"backup\" checked=\"checked\"")));
	}

	@Test
	@WithMockUser(username = "alice", roles = "ADMIN")
	void queuesTheReleaseOnTheHostsTicked() throws Exception {
		given(service.hosts()).willReturn(FLEET);
		given(service.submit(any(), anyString(), anyString())).willReturn(42L);

		mvc.perform(post("/system/unblock").with(csrf()).param("ips", "203.0.113.7").param("hosts", "mail", "backup"))
			.andExpect(redirectedUrl("/jobs/42"));

		verify(service).submit(eq(new ReleaseRequest(List.of(BanTarget.parse("203.0.113.7")), List.of(),
				Duration.ZERO, List.of(), List.of(HostName.parse("mail"), HostName.parse("backup")))), eq("alice"),
				eq("127.0.0.1"));
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void refusesNoHostTickedAndAHostTheFleetDoesNotHaveKeepingTheTickedOnes() throws Exception {
		given(service.hosts()).willReturn(FLEET);

		mvc.perform(post("/system/unblock").with(csrf()).param("ips", "203.0.113.7"))
			.andExpect(status().isOk())
			.andExpect(fieldErrors("hosts", "unblock.hosts.none"))
			.andExpect(content().string(containsString("Tick at least one host.")));
		mvc.perform(post("/system/unblock").with(csrf()).param("ips", "203.0.113.7").param("hosts", "mail", "web"))
			.andExpect(status().isOk())
			.andExpect(fieldErrors("hosts", ReleaseRequest.UNKNOWN_HOST))
			.andExpect(content().string(containsString("name=\"hosts\" value=\"mail\" checked=\"checked\"")))
			.andExpect(content().string(not(containsString("value=\"local\" checked"))));
		verify(service, never()).submit(any(), anyString(), anyString());
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void refusesToTrustAPrivateRangeAndAsksToConfirmAWideRange() throws Exception {
		mvc.perform(post("/system/unblock").with(csrf())
			.param("ips", "10.0.0.0/8, 198.51.0.0/16, 203.0.113.7")
			.param("trust", "1h"))
			.andExpect(status().isOk())
			.andExpect(fieldErrors("ips", TrustPolicy.REFUSED, TrustPolicy.WIDE))
			.andExpect(content().string(containsString("tick the box below")));

		verify(service, never()).submit(any(), anyString(), anyString());
	}

	@Test
	@WithMockUser(username = "alice", roles = "ADMIN")
	void queuesValidValuesAndRedirectsToTheJob() throws Exception {
		given(service.submit(any(), anyString(), anyString())).willReturn(42L);

		mvc.perform(post("/system/unblock").with(csrf())
			.param("ips", "4.4.4.4, 2001:DB8::6\n4.4.4.4 198.51.100.0/24")
			.param("accounts", "admin"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/jobs/42"))
			.andExpect(flash().attributeExists("message"));

		verify(service).submit(eq(new ReleaseRequest(
				List.of(BanTarget.parse("4.4.4.4"), BanTarget.parse("2001:db8::6"), BanTarget.parse("198.51.100.0/24")),
				List.of(AccountName.parse("admin")))), eq("alice"), eq("127.0.0.1"));
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void labelsTheFieldsForTheManyValuesTheyTake() throws Exception {
		mvc.perform(get("/system/unblock"))
			.andExpect(content().string(containsString("<label for=\"ips\">IP addresses to unban</label>")))
			.andExpect(content().string(containsString("<label for=\"accounts\">Accounts to unlock</label>")))
			.andExpect(content().string(not(containsString("Unban IP"))));
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void offersNoAccountFieldWhenNoAccountToolIsConfigured() throws Exception {
		given(accountLocks.managed()).willReturn(false);

		mvc.perform(get("/system/unblock"))
			.andExpect(content().string(not(containsString("id=\"accounts\""))))
			.andExpect(content().string(containsString("no account-lock tool (faillock or pam_tally2)")));
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void offersTheAccountFieldInAFleetThoughThisMachineKeepsNoLocks() throws Exception {
		given(accountLocks.managed()).willReturn(false);
		given(service.hosts()).willReturn(List.of(HostName.parse("mail")));

		mvc.perform(get("/system/unblock")).andExpect(content().string(containsString("id=\"accounts\"")));
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void refusesAccountsWhenNoAccountToolIsConfiguredInsteadOfQueuingAJobThatFails() throws Exception {
		given(accountLocks.managed()).willReturn(false);

		mvc.perform(post("/system/unblock").with(csrf()).param("ips", "4.4.4.4").param("accounts", "alice"))
			.andExpect(status().isOk())
			.andExpect(fieldErrors("accounts", "unblock.accounts.notManaged"))
			.andExpect(content().string(containsString("so no account can be unlocked here")));

		verify(service, never()).submit(any(), anyString(), anyString());
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void namesEveryBadValueAndQueuesNothing() throws Exception {
		mvc.perform(post("/system/unblock").with(csrf())
			.param("ips", "4.4.4.4, 192.168.010.1, example.com, fe80::1%eth0")
			.param("accounts", "admin, root;id"))
			.andExpect(status().isOk())
			.andExpect(view().name(UnblockController.VIEW))
			.andExpect(fieldErrors("ips", "invalid.ip.leadingZero", "invalid.ip.notAnAddress", "invalid.ip.zoneId"))
			.andExpect(fieldErrors("accounts", "invalid.user.pattern"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("192.168.010.1")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("example.com")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("root;id")));

		verify(service, never()).submit(any(), anyString(), anyString());
	}

	/** Issue 15 item 7: each half alone is a network like any other; together they release every ban. */
	@Test
	@WithMockUser(roles = "ADMIN")
	void refusesHalvesThatTogetherCoverEveryAddress() throws Exception {
		mvc.perform(post("/system/unblock").with(csrf()).param("ips", "0.0.0.0/1 128.0.0.0/1 ::/1 8000::/1"))
			.andExpect(status().isOk())
			.andExpect(fieldErrors("ips", "invalid.ip.tooWideTogether"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("together cover every address")));

		verify(service, never()).submit(any(), anyString(), anyString());
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void refusesAnEmptyRequest() throws Exception {
		mvc.perform(post("/system/unblock").with(csrf()).param("ips", " , ").param("accounts", ""))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasErrors("unblockForm"));

		verify(service, never()).submit(any(), anyString(), anyString());
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void refusesMoreValuesThanTheCap() throws Exception {
		StringBuilder many = new StringBuilder();
		for (int i = 0; i < 1001; i++) {
			many.append("10.0.").append(i / 256).append('.').append(i % 256).append(',');
		}
		mvc.perform(post("/system/unblock").with(csrf()).param("ips", many.toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("at most 1000")));

		verify(service, never()).submit(any(), anyString(), anyString());
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void refusesAnOperatorsPost() throws Exception {
		mvc.perform(post("/system/unblock").with(csrf()).param("ips", "4.4.4.4")).andExpect(status().isForbidden());

		verify(service, never()).submit(any(), anyString(), anyString());
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void refusesAPostWithoutCsrfToken() throws Exception {
		mvc.perform(post("/system/unblock").param("ips", "4.4.4.4")).andExpect(status().isForbidden());

		verify(service, never()).submit(any(), anyString(), anyString());
	}

	@Test
	void sendsAStrangerToTheSignInPage() throws Exception {
		mvc.perform(get("/system/unblock")).andExpect(redirectedUrl("/login"));
	}

	private static final List<HostName> FLEET = List.of(HostName.LOCAL, HostName.parse("mail"),
			HostName.parse("backup"));

	/** Every error code on one field of the form, in order: one per bad value. */
	private static ResultMatcher fieldErrors(String field, String... codes) {
		return result -> {
			BindingResult errors = (BindingResult) result.getModelAndView()
				.getModel()
				.get(BindingResult.MODEL_KEY_PREFIX + "unblockForm");
			assertThat(errors.getFieldErrors(field)).extracting(FieldError::getCode).containsExactly(codes);
		};
	}

}
