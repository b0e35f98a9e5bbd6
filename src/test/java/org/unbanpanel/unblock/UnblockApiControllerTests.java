package org.unbanpanel.unblock;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.unbanpanel.core.AccountName;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.hosts.HostName;
import org.unbanpanel.jobs.ItemKind;
import org.unbanpanel.jobs.ItemState;
import org.unbanpanel.jobs.ItemView;
import org.unbanpanel.jobs.JobService;
import org.unbanpanel.jobs.JobState;
import org.unbanpanel.jobs.JobView;
import org.unbanpanel.jobs.ReleaseRequest;
import org.unbanpanel.trust.TrustPolicy;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(UnblockApiController.class)
@UnblockWebTest
class UnblockApiControllerTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JobService service;

	@Test
	@WithMockUser(username = "script", roles = "ADMIN")
	void queuesAJobAndAnswersAcceptedWithItsLocation() throws Exception {
		given(service.submit(any(), anyString(), anyString())).willReturn(5L);
		given(service.find(5)).willReturn(Optional.of(new JobView(5, JobState.QUEUED, "script", "127.0.0.1",
				Instant.parse("2026-11-25T11:00:00Z"), null, null, 0, null, null,
				List.of(new ItemView("local", ItemKind.IP, "4.4.4.4", ItemState.PENDING, List.of(), 0, null)))));

		mvc.perform(post("/api/v1/unblock").contentType(MediaType.APPLICATION_JSON)
			.content("{\"ips\": [\"4.4.4.4\", \"4.4.4.4\"], \"accounts\": [\"admin\"]}"))
			.andExpect(status().isAccepted())
			.andExpect(header().string("Location", "/api/v1/jobs/5"))
			.andExpect(jsonPath("$.id").value(5))
			.andExpect(jsonPath("$.state").value("QUEUED"))
			.andExpect(jsonPath("$.items[0].value").value("4.4.4.4"));

		verify(service).submit(eq(new ReleaseRequest(List.of(BanTarget.parse("4.4.4.4")),
				List.of(AccountName.parse("admin")))), eq("script"), eq("127.0.0.1"));
	}

	@Test
	@WithMockUser(username = "script", roles = "ADMIN")
	void queuesTheReleaseOnTheHostsNamed() throws Exception {
		given(service.hosts()).willReturn(List.of(HostName.LOCAL, HostName.parse("mail")));
		given(service.submit(any(), anyString(), anyString())).willReturn(5L);
		given(service.find(5)).willReturn(Optional.of(new JobView(5, JobState.QUEUED, "script", "127.0.0.1",
				Instant.parse("2026-11-25T11:00:00Z"), null, null, 0, null, null,
				List.of(new ItemView("mail", ItemKind.IP, "4.4.4.4", ItemState.PENDING, List.of(), 0, null)))));

		mvc.perform(post("/api/v1/unblock").contentType(MediaType.APPLICATION_JSON)
			.content("{\"ips\": [\"4.4.4.4\"], \"hosts\": [\"mail\"]}"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.items[0].host").value("mail"));

		verify(service).submit(eq(new ReleaseRequest(List.of(BanTarget.parse("4.4.4.4")), List.of(), Duration.ZERO,
				List.of(), List.of(HostName.parse("mail")))), eq("script"), eq("127.0.0.1"));
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void refusesAHostTheFleetDoesNotHaveABadHostNameAndAnEmptyListOfHosts() throws Exception {
		mvc.perform(post("/api/v1/unblock").contentType(MediaType.APPLICATION_JSON)
			.content("{\"ips\": [\"4.4.4.4\"], \"hosts\": [\"web\", \"Mail;id\"]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("hosts"))
			.andExpect(jsonPath("$.errors[0].code").value(ReleaseRequest.UNKNOWN_HOST))
			.andExpect(jsonPath("$.errors[0].value").value("web"))
			.andExpect(jsonPath("$.errors[1].code").value("invalid.host.name"));
		mvc.perform(post("/api/v1/unblock").contentType(MediaType.APPLICATION_JSON)
			.content("{\"ips\": [\"4.4.4.4\"], \"hosts\": []}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].code").value("unblock.hosts.none"));

		verify(service, never()).submit(any(), anyString(), anyString());
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void answersAProblemNamingEachBadValue() throws Exception {
		mvc.perform(post("/api/v1/unblock").contentType(MediaType.APPLICATION_JSON)
			.content("{\"ips\": [\"1.2.3.4;id\", \"3221226034\"], \"accounts\": [\"--dir\"]}"))
			.andExpect(status().isBadRequest())
			.andExpect(header().string("Content-Type", "application/problem+json"))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.errors[0].value").value("1.2.3.4;id"))
			.andExpect(jsonPath("$.errors[0].field").value("ips"))
			.andExpect(jsonPath("$.errors[1].value").value("3221226034"))
			.andExpect(jsonPath("$.errors[2].field").value("accounts"))
			.andExpect(jsonPath("$.errors[2].code").value("invalid.user.pattern"));

		verifyNoInteractions(service);
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void refusesTheCatchAllNetworksAsTooWideButTakesANarrowerOne() throws Exception {
		mvc.perform(post("/api/v1/unblock").contentType(MediaType.APPLICATION_JSON)
			.content("{\"ips\": [\"0.0.0.0/0\", \"::/0\", \"10.0.0.0/8\"]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(2))
			.andExpect(jsonPath("$.errors[0].code").value("invalid.ip.tooWide"))
			.andExpect(jsonPath("$.errors[1].code").value("invalid.ip.tooWide"))
			.andExpect(jsonPath("$.errors[1].detail").value(org.hamcrest.Matchers.containsString("every ban")));

		verifyNoInteractions(service);
	}

	/** Issue 15 item 7: each half passed alone; together they are 0.0.0.0/0 and ::/0. */
	@Test
	@WithMockUser(roles = "ADMIN")
	void refusesHalvesThatTogetherCoverEveryAddress() throws Exception {
		mvc.perform(post("/api/v1/unblock").contentType(MediaType.APPLICATION_JSON)
			.content("{\"ips\": [\"0.0.0.0/1\", \"128.0.0.0/1\", \"::/1\", \"8000::/1\"]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].code").value(ReleaseRequest.TOO_WIDE_TOGETHER))
			.andExpect(jsonPath("$.errors[0].field").value("ips"))
			.andExpect(jsonPath("$.errors[0].value").value("0.0.0.0/1, 128.0.0.0/1, ::/1, 8000::/1"));

		verifyNoInteractions(service);
	}

	@Test
	@WithMockUser(username = "script", roles = "ADMIN")
	void queuesAReleaseFromTheChosenJailsOnly() throws Exception {
		given(service.submit(any(), anyString(), anyString())).willReturn(7L);
		given(service.find(7)).willReturn(Optional.of(new JobView(7, JobState.QUEUED, "script", "127.0.0.1",
				Instant.parse("2026-11-25T11:00:00Z"), null, null, 0, null, null, List.of())));

		mvc.perform(post("/api/v1/unblock").contentType(MediaType.APPLICATION_JSON)
			.content("{\"ips\": [\"4.4.4.4\"], \"jails\": [\"dovecot\"]}"))
			.andExpect(status().isAccepted());
		mvc.perform(post("/api/v1/unblock").contentType(MediaType.APPLICATION_JSON)
			.content("{\"ips\": [\"4.4.4.4\"], \"jails\": [\"-all\"]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("jails"))
			.andExpect(jsonPath("$.errors[0].code").value("invalid.jail.name"));

		verify(service).submit(eq(new ReleaseRequest(List.of(BanTarget.parse("4.4.4.4")), List.of(), Duration.ZERO,
				List.of("dovecot"))), eq("script"), eq("127.0.0.1"));
	}

	@Test
	@WithMockUser(username = "script", roles = "ADMIN")
	void queuesTheRequestedTrust() throws Exception {
		given(service.submit(any(), anyString(), anyString())).willReturn(6L);
		given(service.find(6)).willReturn(Optional.of(new JobView(6, JobState.QUEUED, "script", "127.0.0.1",
				Instant.parse("2026-11-25T11:00:00Z"), null, null, 0, null, null, List.of())));

		mvc.perform(post("/api/v1/unblock").contentType(MediaType.APPLICATION_JSON)
			.content("{\"ips\": [\"198.51.0.0/16\"], \"trust\": \"12h\", \"confirmWide\": true}"))
			.andExpect(status().isAccepted());

		verify(service).submit(eq(new ReleaseRequest(List.of(BanTarget.parse("198.51.0.0/16")), List.of(),
				Duration.ofHours(12))), eq("script"), eq("127.0.0.1"));
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void answersAProblemForATrustItMayNotGrant() throws Exception {
		mvc.perform(post("/api/v1/unblock").contentType(MediaType.APPLICATION_JSON)
			.content("{\"ips\": [\"fc00::/7\", \"198.51.0.0/16\", \"64.0.0.0/2\"], \"trust\": \"1h\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].code").value(TrustPolicy.REFUSED))
			.andExpect(jsonPath("$.errors[0].value").value("fc00::/7"))
			.andExpect(jsonPath("$.errors[1].code").value(TrustPolicy.WIDE))
			.andExpect(jsonPath("$.errors[2].code").value(TrustPolicy.REFUSED))
			.andExpect(jsonPath("$.errors[2].value").value("64.0.0.0/2"));
		mvc.perform(post("/api/v1/unblock").contentType(MediaType.APPLICATION_JSON)
			.content("{\"ips\": [\"4.4.4.4\"], \"trust\": \"--all\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("trust"))
			.andExpect(jsonPath("$.errors[0].code").value("trust.period.invalid"));

		verifyNoInteractions(service);
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void refusesAnOperator() throws Exception {
		mvc.perform(post("/api/v1/unblock").contentType(MediaType.APPLICATION_JSON).content("{\"ips\": [\"4.4.4.4\"]}"))
			.andExpect(status().isForbidden());

		verifyNoInteractions(service);
	}

}
