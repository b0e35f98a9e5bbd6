package org.unbanpanel.links;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.unbanpanel.core.TrustPeriod;
import org.unbanpanel.testsupport.FixedClock;
import org.unbanpanel.testsupport.PanelWebTest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(LinksController.class)
@PanelWebTest
@Import(FixedClock.class)
@EnableConfigurationProperties(LinksProperties.class)
class LinksControllerTests {

	static final String TOKEN = "AbCdEfGhIjKlMnOpQrStUv";

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private LinkService service;

	@BeforeEach
	void everyHostAnswersWithoutJails() {
		given(service.jails()).willReturn(new LinkService.Jails(List.of(), List.of()));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void showsAnOperatorTheLinksWithTheirUsesButNoWayToMakeOrRevokeOne() throws Exception {
		given(service.recent()).willReturn(List.of(Links.forDovecot(12)));
		given(service.find(12)).willReturn(Optional.of(Links.forDovecot(12)));
		given(service.uses(12)).willReturn(List.of(new LinkUse(3, 12, FixedClock.NOW, "203.0.113.7",
				LinkUse.Outcome.RELEASED, 42L)));

		mvc.perform(get("/links"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Office Gràcia, fix Thunderbird")))
			.andExpect(content().string(containsString("0 of 1")))
			.andExpect(content().string(containsString("active")))
			.andExpect(content().string(not(containsString("/links/new"))));
		mvc.perform(get("/links/12"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("released (job queued)")))
			.andExpect(content().string(containsString("203.0.113.7")))
			.andExpect(content().string(containsString("href=\"/jobs/42\"")))
			.andExpect(content().string(not(containsString("/links/12/revoke"))));
		mvc.perform(post("/links").with(csrf()).param("hours", "24").param("uses", "1"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/links/12/revoke").with(csrf())).andExpect(status().isForbidden());
		verify(service, never()).create(any(), anyString(), anyString());
		verify(service, never()).revoke(12, "alice", "127.0.0.1");
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void refusesAnOperatorTheFormThatMakesALink() throws Exception {
		mvc.perform(get("/links/new")).andExpect(status().isForbidden());
		verify(service, never()).jails();
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void offersFail2bansJailsAndTheDefaultsOnTheForm() throws Exception {
		given(service.jails()).willReturn(new LinkService.Jails(List.of("dovecot", "sshd"), List.of()));

		mvc.perform(get("/links/new"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"dovecot\"")))
			.andExpect(content().string(containsString("value=\"sshd\"")))
			.andExpect(content().string(containsString("name=\"hours\" value=\"24\"")))
			.andExpect(content().string(containsString("name=\"uses\" value=\"1\"")))
			.andExpect(content().string(containsString("Also release from recidive, unban-panel")));
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void saysWhichHostsDidNotAnswerWhenTheirJailsMayBeMissing() throws Exception {
		given(service.jails()).willReturn(new LinkService.Jails(List.of("dovecot"), List.of("mail")));

		mvc.perform(get("/links/new"))
			.andExpect(content().string(containsString("value=\"dovecot\"")))
			.andExpect(content().string(containsString("Not asked, because they did not answer: mail.")));
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void offersTheTrustPeriodsOfUnblockAccessWithNoneChosen() throws Exception {
		mvc.perform(get("/links/new"))
			.andExpect(status().isOk())
			.andExpect(content().string(matchesPattern("(?s).*<option value=\"none\"\\s+selected=\"selected\">no time \\(default\\)</option>.*")))
			.andExpect(content().string(containsString("<option value=\"1h\">1 hour</option>")))
			.andExpect(content().string(containsString("<option value=\"12h\">12 hours</option>")))
			.andExpect(content().string(containsString("<option value=\"24h\">24 hours</option>")));
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void makesALinkWithEveryTrustPeriodUnblockAccessOffers() throws Exception {
		given(service.create(any(), anyString(), anyString())).willReturn(new LinkService.Created(12, TOKEN));

		for (TrustPeriod period : TrustPeriod.values()) {
			mvc.perform(post("/links").with(csrf()).param("hours", "24").param("uses", "1").param("trust", period.param()))
				.andExpect(redirectedUrl("/links/12"));
			verify(service).create(new NewLink("", List.of(), false, period.duration(), Duration.ofHours(24), 1), "user",
					"127.0.0.1");
		}
	}

	@Test
	@WithMockUser(username = "alice", roles = "ADMIN")
	void makesALinkAndShowsItsUrlAndQrCodeOnce() throws Exception {
		NewLink asked = new NewLink("Office Gràcia", List.of("dovecot"), false, Duration.ofHours(12),
				Duration.ofHours(48), 2);
		given(service.create(asked, "alice", "127.0.0.1")).willReturn(new LinkService.Created(12, TOKEN));

		mvc.perform(post("/links").with(csrf())
			.param("note", " Office Gràcia ")
			.param("jails", "dovecot")
			.param("hours", "48")
			.param("uses", "2")
			.param("trust", "12h"))
			.andExpect(redirectedUrl("/links/12"))
			.andExpect(flash().attribute("url", "http://localhost/release/" + TOKEN))
			.andExpect(flash().attribute("qrCode", startsWith("data:image/svg+xml;base64,")))
			.andExpect(flash().attribute("message", "Release link 12 is made."));
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void refusesAFormOutOfBoundsAndMakesNothing() throws Exception {
		given(service.jails()).willReturn(new LinkService.Jails(List.of("dovecot"), List.of()));

		mvc.perform(post("/links").with(csrf())
			.param("note", "x".repeat(201))
			.param("jails", "-x")
			.param("hours", "0")
			.param("uses", "")
			.param("trust", "forever"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The note may hold at most 200 characters.")))
			.andExpect(content().string(containsString("A link is valid for at least 1 hour.")))
			.andExpect(content().string(containsString("Give the releases as a whole number.")))
			.andExpect(content().string(containsString("is not a trust period")))
			.andExpect(content().string(containsString("-x")));
		verify(service, never()).create(any(), anyString(), anyString());
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void showsTheUrlAndQrCodeOnlyRightAfterMakingTheLink() throws Exception {
		given(service.find(12)).willReturn(Optional.of(Links.forDovecot(12)));

		mvc.perform(get("/links/12").flashAttr("url", "http://localhost/release/" + TOKEN)
			.flashAttr("qrCode", "data:image/svg+xml;base64,AAAA"))
			.andExpect(content().string(containsString("<code class=\"link-url\">http://localhost/release/" + TOKEN)))
			.andExpect(content().string(containsString("src=\"data:image/svg+xml;base64,AAAA\"")))
			.andExpect(content().string(containsString("action=\"/links/12/revoke\"")));
		mvc.perform(get("/links/12"))
			.andExpect(content().string(not(containsString("link-url"))))
			.andExpect(content().string(not(containsString(TOKEN))));
	}

	@Test
	@WithMockUser(username = "bob", roles = "ADMIN")
	void revokesALinkAndSaysSo() throws Exception {
		given(service.revoke(12, "bob", "127.0.0.1")).willReturn(true);

		mvc.perform(post("/links/12/revoke").with(csrf()))
			.andExpect(redirectedUrl("/links/12"))
			.andExpect(flash().attribute("message", matchesPattern("Release link 12 is revoked.*")));
		mvc.perform(post("/links/12/revoke")).andExpect(status().isForbidden());
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void answersAnUnknownLinkWith404() throws Exception {
		given(service.find(99)).willReturn(Optional.empty());

		mvc.perform(get("/links/99")).andExpect(status().isNotFound());
	}

	@Test
	void sendsAVisitorWithoutSessionToTheSignIn() throws Exception {
		mvc.perform(get("/links")).andExpect(status().is3xxRedirection());
		verify(service, never()).recent();
	}

}
