package org.unbanpanel.jails;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.fail2ban.Fail2ban;
import org.unbanpanel.fail2ban.Fail2banException;
import org.unbanpanel.hosts.NoSuchHostException;
import org.unbanpanel.testsupport.PanelWebTest;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(JailsApiController.class)
@PanelWebTest
class JailsApiControllerTests {

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private JailsService service;

	@Autowired
	private Fail2ban fail2ban;

	@Test
	@WithMockUser(roles = "OPERATOR")
	void answersTheRulesOfAJail() throws Exception {
		given(service.rules("local", "sshd")).willReturn(JailsControllerTests.RULES);

		mvc.perform(get("/api/v1/jails/sshd/rules"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rules.maxRetry").value(5))
			.andExpect(jsonPath("$.rules.findTime").value("PT10M"))
			.andExpect(jsonPath("$.rules.sources.journalMatch[0]").value("_SYSTEMD_UNIT=sshd.service"))
			.andExpect(jsonPath("$.ignoreIp[1].configured").value(false))
			.andExpect(jsonPath("$.ignoreIp[1].trustedBy").value("admin"));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void listsTheJails() throws Exception {
		given(service.overview("local")).willReturn(JailsControllerTests.JAILS);

		mvc.perform(get("/api/v1/jails"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].name").value("dovecot"))
			.andExpect(jsonPath("$[0].currentlyBanned").value(3))
			.andExpect(jsonPath("$[0].banTimeSeconds").value(43_200))
			.andExpect(jsonPath("$[2].permanent").value(true))
			.andExpect(jsonPath("$[2].banTimeSeconds").value(-1));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void answersAPageOfBansWithIsoTimesAndCounts() throws Exception {
		given(service.bans("local", "dovecot", new BanQuery("203.0.113.0/24", 1, 10, BanQuery.Sort.END))).willReturn(JailsControllerTests.PAGE);

		mvc.perform(get("/api/v1/jails/dovecot").param("filter", "203.0.113.0/24").param("size", "10"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.jail").value("dovecot"))
			.andExpect(jsonPath("$.matching").value(2))
			.andExpect(jsonPath("$.held").value(2))
			.andExpect(jsonPath("$.bans[0].address").value("203.0.113.7"))
			.andExpect(jsonPath("$.bans[0].start").value("2026-11-25T09:00:00Z"))
			.andExpect(jsonPath("$.bans[0].end").value("2026-11-25T21:00:00Z"))
			.andExpect(jsonPath("$.bans[1].permanent").value(true))
			.andExpect(jsonPath("$.bans[1].end").doesNotExist());
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void marksAPageOfTheLastKnownStateAndListsUnreadableEntries() throws Exception {
		BanPage lastKnown = new BanPage("sasl", "", 1, 50, "end", 1, 1, List.of(JailsControllerTests.PAGE.bans().get(0)), 1,
				List.of("x\\u000ay"), Instant.parse("2026-11-25T10:59:48Z"));
		given(service.bans(eq("local"), eq("sasl"), any())).willReturn(lastKnown);

		mvc.perform(get("/api/v1/jails/sasl"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.notAnsweringSince").value("2026-11-25T10:59:48Z"))
			.andExpect(jsonPath("$.unreadableCount").value(1))
			.andExpect(jsonPath("$.unreadable[0]").value("x\\u000ay"));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void leavesTheMarkOutWhileFail2banAnswers() throws Exception {
		given(service.overview("local")).willReturn(JailsControllerTests.JAILS);

		mvc.perform(get("/api/v1/jails")).andExpect(jsonPath("$[0].notAnsweringSince").doesNotExist());
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void answersAnUnknownJailWith404Problem() throws Exception {
		given(service.bans(eq("local"), eq("nosuch"), any())).willThrow(new UnknownJailException("nosuch"));

		mvc.perform(get("/api/v1/jails/nosuch"))
			.andExpect(status().isNotFound())
			.andExpect(header().string("Content-Type", "application/problem+json"))
			.andExpect(jsonPath("$.detail").value("fail2ban has no jail named 'nosuch'."));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void answers503ProblemWithTheReasonWhenFail2banCannotBeAsked() throws Exception {
		given(service.overview("local")).willThrow(new Fail2banException(Fail2banException.Reason.UNREACHABLE,
				Explanation.of("fail2ban.noSocket", "/run/fail2ban/fail2ban.sock")));

		mvc.perform(get("/api/v1/jails"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Content-Type", "application/problem+json"))
			.andExpect(jsonPath("$.detail").value("fail2ban is not running (no socket at /run/fail2ban/fail2ban.sock)"));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void listsAnotherHostsJailsEachCarryingItsHost() throws Exception {
		given(service.overview("mail")).willReturn(List.of(new JailSummary("mail", "sshd", 0, 4, 1, 2, 43_200, false, null)));

		mvc.perform(get("/api/v1/jails").param("host", "mail"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].host").value("mail"))
			.andExpect(jsonPath("$[0].name").value("sshd"));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void listsTheLocalMachinesJailsWhenNoHostIsNamed() throws Exception {
		given(service.overview("local")).willReturn(JailsControllerTests.JAILS);

		mvc.perform(get("/api/v1/jails")).andExpect(jsonPath("$[0].host").value("local"));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void answersAnUnknownHostWith404ProblemNamingItPrintably() throws Exception {
		given(service.bans(eq("no\nsuch"), eq("sshd"), any())).willThrow(new NoSuchHostException("no\nsuch"));
		given(service.rules("backup", "sshd")).willThrow(new NoSuchHostException("backup"));

		mvc.perform(get("/api/v1/jails/sshd").param("host", "no\nsuch"))
			.andExpect(status().isNotFound())
			.andExpect(header().string("Content-Type", "application/problem+json"))
			.andExpect(jsonPath("$.title").value("Unknown host"))
			.andExpect(jsonPath("$.detail").value("The panel has no host named 'no\\u000asuch'."));
		mvc.perform(get("/api/v1/jails/sshd/rules").param("host", "backup"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("The panel has no host named 'backup'."));
	}

	@Test
	void asksAStrangerToAuthenticate() throws Exception {
		mvc.perform(get("/api/v1/jails")).andExpect(status().isUnauthorized());
	}

}
