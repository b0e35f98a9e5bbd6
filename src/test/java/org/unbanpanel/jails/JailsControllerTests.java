package org.unbanpanel.jails;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.fail2ban.Fail2ban;
import org.unbanpanel.fail2ban.Fail2banException;
import org.unbanpanel.fail2ban.JailRules;
import org.unbanpanel.fail2ban.LogSources;
import org.unbanpanel.hosts.HostName;
import org.unbanpanel.hosts.NoSuchHostException;
import org.unbanpanel.jobs.JobService;
import org.unbanpanel.jobs.ReleaseRequest;
import org.unbanpanel.testsupport.PanelWebTest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@WebMvcTest(JailsController.class)
@PanelWebTest
class JailsControllerTests {

	static final List<JailSummary> JAILS = List.of(new JailSummary("local", "dovecot", 2, 40, 3, 9, 43_200, false, null),
			new JailSummary("local", "mxcp", 0, 1, 0, 1, 3_600, false, null),
			new JailSummary("local", "recidive", 0, 0, 1, 1, -1, true, null));

	static final BanPage PAGE = new BanPage("dovecot", "", 1, 50, "end", 2, 2,
			List.of(new BanRow("203.0.113.7", OffsetDateTime.parse("2026-11-25T09:00:00Z"),
					OffsetDateTime.parse("2026-11-25T21:00:00Z"), false, 3 * 3600 + 12 * 60),
					new BanRow("198.51.100.9", OffsetDateTime.parse("2026-11-25T10:00:00Z"), null, true, -1)),
			0, List.of(), null);

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private JailsService service;

	@MockitoBean
	private JobService unblock;

	@Autowired
	private Fail2ban fail2ban;

	static final JailRulesView RULES = new JailRulesView(new JailRules("sshd", 5, Duration.ofMinutes(10),
			Duration.ofHours(12), new JailRules.Increment(null, "1 2 4 8", Duration.ofDays(7)),
			new LogSources(List.of(), List.of("_SYSTEMD_UNIT=sshd.service", "+", "_COMM=sshd")),
			List.of("iptables-multiport"), List.of("10.1.2.0/24", "203.0.113.50")),
			List.of(new JailRulesView.IgnoreEntry("10.1.2.0/24", true, null, null), new JailRulesView.IgnoreEntry(
					"203.0.113.50", false, java.time.Instant.parse("2026-11-25T23:00:00Z"), "admin")));

	@BeforeEach
	void everyNamedHostIsKnown() {
		given(service.known(anyString())).willAnswer(invocation -> HostName.parse(invocation.getArgument(0)));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void showsWhatDecidesAJailsBansWithItsAllowListApartFromThePanelsTrusts() throws Exception {
		given(service.rules("local", "sshd")).willReturn(RULES);

		mvc.perform(get("/jails/sshd/rules"))
			.andExpect(status().isOk())
			.andExpect(view().name(JailsController.RULES))
			.andExpect(content().string(containsString("5 failures within 10 min ban an address")))
			.andExpect(content().string(containsString("12 h")))
			.andExpect(content().string(containsString(", multiplied by 1 2 4 8")))
			.andExpect(content().string(containsString(", at most 7 d")))
			.andExpect(content().string(containsString("the journal, entries matching _SYSTEMD_UNIT=sshd.service + _COMM=sshd")))
			.andExpect(content().string(containsString("iptables-multiport")))
			.andExpect(content().string(containsString("fail2ban&#39;s own allow list")))
			.andExpect(content().string(containsString("trusted by this panel until 2026-11-25 23:00 UTC (admin)")));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void linksEachBanToItsEvidenceAndTheJailToItsRules() throws Exception {
		given(service.bans(eq("local"), eq("dovecot"), any())).willReturn(PAGE);

		mvc.perform(get("/jails/dovecot"))
			.andExpect(content().string(containsString("href=\"/evidence?jail=dovecot&amp;ip=203.0.113.7\"")))
			.andExpect(content().string(containsString("href=\"/jails/dovecot/rules\"")));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void listsEveryJailWithItsCountersAndBanTime() throws Exception {
		given(service.overview()).willReturn(List.of(new HostJails("local", true, JAILS, null)));

		mvc.perform(get("/jails"))
			.andExpect(status().isOk())
			.andExpect(view().name(JailsController.LIST))
			.andExpect(content().string(not(containsString("This machine (local)"))))
			.andExpect(content().string(containsString("href=\"/jails/dovecot\"")))
			.andExpect(content().string(containsString(">12 h</td>")))
			.andExpect(content().string(containsString(">1 h</td>")))
			.andExpect(content().string(containsString(">permanent</td>")));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void groupsTheJailsByHostEachWithItsCountersAndAnUnreachableHostWithItsReason() throws Exception {
		given(service.overview()).willReturn(List.of(new HostJails("local", true, JAILS, null),
				new HostJails("mail", false, List.of(new JailSummary("mail", "sshd", 1, 7, 2, 5, 600, false, null)), null),
				new HostJails("backup", false, null, Explanation.of("hosts.problem.unreachable", "backup (192.0.2.9:22)",
						Explanation.of("hosts.reason.refused")))));

		mvc.perform(get("/jails"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("This machine (local)")))
			.andExpect(content().string(containsString("Host mail")))
			.andExpect(content().string(containsString("Host backup")))
			.andExpect(content().string(containsString("href=\"/jails/dovecot\"")))
			.andExpect(content().string(containsString("href=\"/jails/sshd?host=mail\"")))
			.andExpect(content().string(containsString(">10 min</td>")))
			.andExpect(content().string(containsString("The jails cannot be read: cannot reach backup (192.0.2.9:22)")));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void namesThisMachineInSpanishAndCatalanAsInEnglish() throws Exception {
		given(service.overview()).willReturn(List.of(new HostJails("local", true, JAILS, null),
				new HostJails("mail", false, List.of(), null)));

		mvc.perform(get("/jails").header("Accept-Language", "es"))
			.andExpect(content().string(containsString("Esta máquina (local)")));
		mvc.perform(get("/jails").header("Accept-Language", "ca"))
			.andExpect(content().string(containsString("Aquesta màquina (local)")));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void showsAnotherHostsJailWithLinksThatKeepTheHostAndNoEvidenceOfThisMachine() throws Exception {
		given(service.bans(eq("mail"), eq("dovecot"), any())).willReturn(PAGE);

		mvc.perform(get("/jails/dovecot").param("host", "mail"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Jail dovecot on mail")))
			.andExpect(content().string(containsString("href=\"/jails/dovecot/rules?host=mail\"")))
			.andExpect(content().string(containsString("name=\"host\" value=\"mail\"")))
			.andExpect(content().string(not(containsString("/evidence?"))));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void answersAnUnknownHostWithA404PageThatNamesIt() throws Exception {
		given(service.bans(eq("backup"), eq("sshd"), any())).willThrow(new NoSuchHostException("backup"));
		given(service.rules("backup", "sshd")).willThrow(new NoSuchHostException("backup"));

		mvc.perform(get("/jails/sshd").param("host", "backup"))
			.andExpect(status().isNotFound())
			.andExpect(view().name(JailsController.UNKNOWN_HOST))
			.andExpect(content().string(containsString("The panel has no host named &#39;backup&#39;.")));
		mvc.perform(get("/jails/sshd/rules").param("host", "backup")).andExpect(status().isNotFound());
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void saysWhyWhenFail2banCannotBeAsked() throws Exception {
		given(service.overview()).willReturn(List.of(new HostJails("local", true, null,
				Explanation.of("fail2ban.noSocket", "/run/fail2ban/fail2ban.sock"))));

		mvc.perform(get("/jails"))
			.andExpect(status().isOk())
			.andExpect(view().name(JailsController.LIST))
			.andExpect(content().string(containsString(
					"The jails cannot be read: fail2ban is not running (no socket at /run/fail2ban/fail2ban.sock)")))
			.andExpect(content().string(not(containsString("Exception"))));
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void showsAPageOfBansWithTheirEndsAndAnUnbanFormForAdmins() throws Exception {
		given(service.bans("local", "dovecot", new BanQuery("203.0", 2, 20, BanQuery.Sort.END))).willReturn(PAGE);

		mvc.perform(get("/jails/dovecot").param("filter", " 203.0 ").param("page", "2").param("size", "20"))
			.andExpect(status().isOk())
			.andExpect(view().name(JailsController.JAIL))
			.andExpect(model().attribute("page", PAGE))
			.andExpect(content().string(containsString("ends in 3 h 12 min")))
			.andExpect(content().string(containsString("permanent")))
			.andExpect(content().string(containsString("action=\"/jails/dovecot/unban\"")))
			.andExpect(content().string(containsString("name=\"address\"")))
			.andExpect(content().string(containsString("Unban selected")));
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void listsUnreadableEntriesApartEscapedAndOffersNoUnbanForThem() throws Exception {
		BanPage withUnreadable = new BanPage("sasl", "", 1, 50, "end", 1, 1, List.of(PAGE.bans().get(0)), 3,
				List.of("x\\u000ay", "<b>\\u202e1.2.3.4</b>"), null);
		given(service.bans(eq("local"), eq("sasl"), any())).willReturn(withUnreadable);

		mvc.perform(get("/jails/sasl"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("1 banned address")))
			.andExpect(content().string(containsString("3 entries of this jail cannot be read exactly")))
			.andExpect(content().string(containsString("<code class=\"value\">x\\u000ay</code>")))
			.andExpect(content().string(containsString("&lt;b&gt;\\u202e1.2.3.4&lt;/b&gt;")))
			.andExpect(content().string(containsString("… and 1 more.")))
			// only the readable ban gets a checkbox; "value=\"x" alone also matched a CSRF token starting with x
			.andExpect(content().string(not(containsString("value=\"x\\u000ay"))))
			.andExpect(content().string(not(containsString("id=\"ban-1\""))));
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void bringsPageAndSizeIntoRange() throws Exception {
		given(service.bans("local", "dovecot", new BanQuery("", 1, BanQuery.MAX_SIZE, BanQuery.Sort.END))).willReturn(PAGE);

		mvc.perform(get("/jails/dovecot").param("page", "-3").param("size", "100000"))
			.andExpect(status().isOk())
			.andExpect(model().attribute("page", PAGE));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void showsAnOperatorNoUnbanForm() throws Exception {
		given(service.bans(eq("local"), eq("dovecot"), any())).willReturn(PAGE);

		mvc.perform(get("/jails/dovecot"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("203.0.113.7")))
			.andExpect(content().string(not(containsString("/unban"))))
			.andExpect(content().string(not(containsString("type=\"checkbox\""))))
			.andExpect(content().string(not(containsString("Unban selected"))));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void answersAnUnknownJailWithA404Page() throws Exception {
		given(service.bans(eq("local"), eq("nosuch"), any())).willThrow(new UnknownJailException("nosuch"));

		mvc.perform(get("/jails/nosuch"))
			.andExpect(status().isNotFound())
			.andExpect(view().name(JailsController.UNKNOWN))
			.andExpect(content().string(containsString("fail2ban has no jail named &#39;nosuch&#39;.")));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void saysWhyAJailCannotBeRead() throws Exception {
		given(service.bans(eq("local"), eq("dovecot"), any())).willThrow(new Fail2banException(Fail2banException.Reason.UNREACHABLE,
				Explanation.of("fail2ban.hung", "fail2ban-client did not answer within 10000 ms and was stopped")));

		mvc.perform(get("/jails/dovecot"))
			.andExpect(status().isOk())
			.andExpect(view().name(JailsController.JAIL))
			.andExpect(content().string(containsString("fail2ban is not answering (the server may be hung)")));
	}

	@Test
	@WithMockUser(username = "alice", roles = "ADMIN")
	void queuesTheSelectedAddressesAndRedirectsToTheJob() throws Exception {
		given(unblock.submit(any(), anyString(), anyString())).willReturn(42L);

		mvc.perform(post("/jails/dovecot/unban").with(csrf())
			.param("address", "203.0.113.7", "2001:DB8::6")
			.param("filter", "")
			.param("page", "1")
			.param("size", "50"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/jobs/42"))
			.andExpect(flash().attribute("message", "Job 42 is queued: 2 addresses to release."));

		verify(unblock).submit(eq(new ReleaseRequest(
				List.of(BanTarget.parse("203.0.113.7"), BanTarget.parse("2001:db8::6")), List.of(), Duration.ZERO,
				List.of(), List.of(HostName.LOCAL))), eq("alice"), eq("127.0.0.1"));
	}

	@Test
	@WithMockUser(username = "alice", roles = "ADMIN")
	void releasesTheSelectedAddressesFromThisJailOnly() throws Exception {
		given(unblock.submit(any(), anyString(), anyString())).willReturn(43L);

		mvc.perform(post("/jails/dovecot/unban").with(csrf()).param("address", "203.0.113.7").param("scope", "jail"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/jobs/43"))
			.andExpect(flash().attribute("message", "Job 43 is queued: 1 address to release from dovecot only."));

		verify(unblock).submit(eq(new ReleaseRequest(List.of(BanTarget.parse("203.0.113.7")), List.of(),
				Duration.ZERO, List.of("dovecot"), List.of(HostName.LOCAL))), eq("alice"), eq("127.0.0.1"));
	}

	@Test
	@WithMockUser(username = "alice", roles = "ADMIN")
	void releasesTheSelectionOfAnotherHostsJailPageFromThatHostOnly() throws Exception {
		given(unblock.submit(any(), anyString(), anyString())).willReturn(44L);

		mvc.perform(post("/jails/dovecot/unban").with(csrf()).param("host", "mail").param("address", "203.0.113.7"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/jobs/44"));
		mvc.perform(post("/jails/dovecot/unban").with(csrf()).param("host", "mail").param("address", "::/0"))
			.andExpect(redirectedUrl("/jails/dovecot?host=mail&filter=&page=1&size=50&sort=end"));

		verify(unblock).submit(eq(new ReleaseRequest(List.of(BanTarget.parse("203.0.113.7")), List.of(),
				Duration.ZERO, List.of(), List.of(HostName.parse("mail")))), eq("alice"), eq("127.0.0.1"));
	}

	@Test
	@WithMockUser(username = "alice", roles = "ADMIN")
	void queuesNothingForAHostThePanelDoesNotHave() throws Exception {
		given(service.known("backup")).willThrow(new NoSuchHostException("backup"));

		mvc.perform(post("/jails/dovecot/unban").with(csrf()).param("host", "backup").param("address", "203.0.113.7"))
			.andExpect(status().isNotFound());

		verifyNoInteractions(unblock);
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void offersToReleaseFromEveryJailOrFromThisJailOnly() throws Exception {
		given(service.bans(eq("local"), eq("dovecot"), any())).willReturn(PAGE);

		mvc.perform(get("/jails/dovecot"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">Unban selected</button>")))
			.andExpect(content().string(containsString("name=\"scope\" value=\"jail\">Release from dovecot only</button>")));
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void namesABadAddressAndQueuesNothing() throws Exception {
		given(service.bans(eq("local"), eq("dovecot"), any())).willReturn(PAGE);

		mvc.perform(post("/jails/dovecot/unban").with(csrf())
			.param("address", "203.0.113.7", "192.168.010.1")
			.param("filter", "203.0")
			.param("page", "2")
			.param("sort", "address"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/jails/dovecot?filter=203.0&page=2&size=50&sort=address"))
			.andExpect(flash().attribute("unbanErrors",
					List.of("'192.168.010.1' has a number with a leading zero, which fail2ban would read as octal.")))
			.andExpect(flash().attribute("selected", List.of("203.0.113.7", "192.168.010.1")));

		verifyNoInteractions(unblock);
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void refusesToReleaseEveryAddressAtOnce() throws Exception {
		given(service.bans(eq("local"), eq("dovecot"), any())).willReturn(PAGE);

		mvc.perform(post("/jails/dovecot/unban").with(csrf()).param("address", "::/0"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("unbanErrors", List.of("'::/0' covers every address: releasing it would lift"
					+ " every ban at once. Give the addresses or a narrower network.")));
		mvc.perform(post("/jails/dovecot/unban").with(csrf())
			.param("address", "0.0.0.0/1", "128.0.0.0/1"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("unbanErrors", List.of("'0.0.0.0/1, 128.0.0.0/1' together cover every"
					+ " address: releasing them would lift every ban at once. Give the addresses or narrower networks.")));

		verifyNoInteractions(unblock);
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void asksToSelectSomethingWhenNothingIsChecked() throws Exception {
		given(service.bans(eq("local"), eq("dovecot"), any())).willReturn(PAGE);

		mvc.perform(post("/jails/dovecot/unban").with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/jails/dovecot?filter=&page=1&size=50&sort=end"))
			.andExpect(flash().attribute("unbanErrors", List.of("Select at least one address to unban.")));

		verifyNoInteractions(unblock);
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void refusesAPostWithoutCsrfToken() throws Exception {
		mvc.perform(post("/jails/dovecot/unban").param("address", "203.0.113.7")).andExpect(status().isForbidden());

		verifyNoInteractions(unblock);
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void refusesAnOperatorsPost() throws Exception {
		mvc.perform(post("/jails/dovecot/unban").with(csrf()).param("address", "203.0.113.7"))
			.andExpect(status().isForbidden());

		verifyNoInteractions(unblock);
	}

}
