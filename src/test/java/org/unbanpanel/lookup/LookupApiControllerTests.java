package org.unbanpanel.lookup;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.unbanpanel.core.AccountName;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.evidence.EvidenceService;
import org.unbanpanel.fail2ban.Ban;
import org.unbanpanel.fail2ban.Fail2ban;
import org.unbanpanel.fail2ban.Fail2banException;
import org.unbanpanel.fail2ban.Fail2bans;
import org.unbanpanel.fail2ban.HeldBan;
import org.unbanpanel.hosts.Host;
import org.unbanpanel.hosts.HostAnswer;
import org.unbanpanel.hosts.HostName;
import org.unbanpanel.hosts.Hosts;
import org.unbanpanel.pam.AccountLocks;
import org.unbanpanel.pam.AccountLocksOnHosts;
import org.unbanpanel.pam.LockRecord;
import org.unbanpanel.testsupport.AskedHosts;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(LookupApiController.class)
@LookupWebTest
class LookupApiControllerTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Fail2ban fail2ban;

	@Autowired
	private AccountLocks accountLocks;

	@Autowired
	private EvidenceService evidence;

	@Autowired
	private Hosts hosts;

	@Autowired
	private Fail2bans fail2bans;

	@Autowired
	private AccountLocksOnHosts locksOnHosts;

	@Test
	@WithMockUser(roles = "OPERATOR")
	void answersEachHostsBansUnderItsNameAndAHostThatDidNotAnswerWithWhy() throws Exception {
		LocalDateTime start = LookupControllerTests.START;
		Host local = AskedHosts.host(HostName.LOCAL);
		Host mail = AskedHosts.host(HostName.parse("mail"));
		Fail2ban mailFail2ban = mock(Fail2ban.class);
		given(fail2bans.on(local)).willReturn(fail2ban);
		given(fail2bans.on(mail)).willReturn(mailFail2ban);
		given(locksOnHosts.on(any())).willReturn(accountLocks);
		given(fail2ban.whereBanned(List.of(LookupControllerTests.OFFICE)))
			.willReturn(Map.of(LookupControllerTests.OFFICE, List.of()));
		given(mailFail2ban.whereBanned(List.of(LookupControllerTests.OFFICE))).willReturn(Map.of(
				LookupControllerTests.OFFICE, List.of(new HeldBan("sasl", "203.0.113.7", HeldBan.Overlap.OWN))));
		given(mailFail2ban.bans("sasl"))
			.willReturn(List.of(new Ban("203.0.113.7", start, Duration.ofHours(1), start.plusHours(1))));
		willAnswer(call -> {
			Function<Host, LookupResult> question = call.getArgument(0);
			return List.of(new HostAnswer<>(HostName.LOCAL, question.apply(local), null),
					new HostAnswer<>(mail.name(), question.apply(mail), null),
					new HostAnswer<>(HostName.parse("backup"), null, Explanation.of("hosts.noAnswer", "backup", 10_000)));
		}).given(hosts).ask(any());

		mvc.perform(get("/api/v1/lookup").param("ip", "203.0.113.7"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.address").value("203.0.113.7"))
			.andExpect(jsonPath("$.hosts[0].host").value("local"))
			.andExpect(jsonPath("$.hosts[0].bans").isEmpty())
			.andExpect(jsonPath("$.hosts[1].host").value("mail"))
			.andExpect(jsonPath("$.hosts[1].local").value(false))
			.andExpect(jsonPath("$.hosts[1].bans[0].jail").value("sasl"))
			.andExpect(jsonPath("$.hosts[1].bans[0].evidence").doesNotExist())
			.andExpect(jsonPath("$.hosts[2].host").value("backup"))
			.andExpect(jsonPath("$.hosts[2].unreachable").value("backup did not answer within 10000 ms"))
			.andExpect(jsonPath("$.hosts[2].bans").doesNotExist());
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void answersTheJailsWithTheEndOfEachBanAndTheLockRecord() throws Exception {
		LocalDateTime start = LookupControllerTests.START;
		given(fail2ban.whereBanned(List.of(LookupControllerTests.OFFICE)))
			.willReturn(Map.of(LookupControllerTests.OFFICE,
					List.of(new HeldBan("dovecot", "203.0.113.7", HeldBan.Overlap.OWN),
							new HeldBan("sasl", "203.0.113.7", HeldBan.Overlap.OWN))));
		given(fail2ban.bans("dovecot"))
			.willReturn(List.of(new Ban("203.0.113.7", start, Duration.ofHours(12), start.plusHours(12))));
		given(fail2ban.bans("sasl"))
			.willReturn(List.of(new Ban("203.0.113.7", start, Duration.ofHours(1), start.plusHours(1))));
		given(accountLocks.status(AccountName.parse("admin")))
			.willReturn(new LockRecord("admin", 3, start.plusMinutes(2), "203.0.113.44"));

		mvc.perform(get("/api/v1/lookup").param("ip", "203.0.113.7").param("user", "admin"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.address").value("203.0.113.7"))
			.andExpect(jsonPath("$.hosts[0].bans[0].jail").value("dovecot"))
			.andExpect(jsonPath("$.hosts[0].bans[0].end").value("2026-11-25T23:00:00"))
			.andExpect(jsonPath("$.hosts[0].bans[1].jail").value("sasl"))
			.andExpect(jsonPath("$.hosts[0].bans[1].permanent").value(false))
			.andExpect(jsonPath("$.hosts[0].bans[1].overlap").value("OWN"))
			.andExpect(jsonPath("$.hosts[0].lock.failures").value(3))
			.andExpect(jsonPath("$.hosts[0].lock.source").value("203.0.113.44"))
			.andExpect(jsonPath("$.hosts[0].lockState.status").value("LOCKED"))
			.andExpect(jsonPath("$.hosts[0].lockState.lockedUntil").exists())
			.andExpect(jsonPath("$.hosts[0].bans[0].evidence.jail").value("dovecot"))
			.andExpect(jsonPath("$.hosts[0].history.period").value("PT720H"));
	}

	/** Issue 9: while fail2ban cannot be asked, the answer claims nothing about bans. */
	@Test
	@WithMockUser(roles = "OPERATOR")
	void claimsNothingAboutBansWhileFail2banCannotBeAsked() throws Exception {
		given(fail2ban.whereBanned(anyCollection()))
			.willThrow(new Fail2banException(Fail2banException.Reason.UNREACHABLE,
					Explanation.of("fail2ban.noSocket", "/run/fail2ban/fail2ban.sock")));

		mvc.perform(get("/api/v1/lookup").param("ip", "203.0.113.7"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.hosts[0].bans").doesNotExist())
			.andExpect(jsonPath("$.hosts[0].fail2banProblem").value("fail2ban is not running (no socket at /run/fail2ban/fail2ban.sock)"));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void answersAProblemNamingEveryBadValue() throws Exception {
		mvc.perform(get("/api/v1/lookup").param("ip", "$(id)").param("user", "--dir"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("ip"))
			.andExpect(jsonPath("$.errors[0].code").value("invalid.ip.forbiddenCharacter"))
			.andExpect(jsonPath("$.errors[1].field").value("user"))
			.andExpect(jsonPath("$.errors[1].code").value("invalid.user.pattern"));
		verify(fail2ban, never()).whereBanned(anyCollection());
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void answersAProblemWhenNothingIsAsked() throws Exception {
		mvc.perform(get("/api/v1/lookup"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Invalid lookup"));
	}

	@Test
	void refusesAStranger() throws Exception {
		mvc.perform(get("/api/v1/lookup").param("ip", "203.0.113.7")).andExpect(status().isUnauthorized());
	}

}
