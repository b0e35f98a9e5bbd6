package org.unbanpanel.links;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.unbanpanel.hosts.HostName;
import org.unbanpanel.testsupport.PanelWebTest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The public page, as a visitor without a session sees it. */
@WebMvcTest(ReleasePageController.class)
@PanelWebTest
class ReleasePageControllerTests {

	static final String TOKEN = "AbCdEfGhIjKlMnOpQrStUv";

	static final String PAGE = "/release/" + TOKEN;

	static final String VISITOR = "127.0.0.1";

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private LinkService service;

	@Test
	void showsTheVisitorTheirAddressTheLinksJailsThatHoldItAndOneButton() throws Exception {
		given(service.visit(TOKEN, VISITOR)).willReturn(Visit.open(VISITOR, List.of("dovecot"), List.of("sasl"),
				new Visit.Release(List.of(HostName.LOCAL), List.of("dovecot"))));

		mvc.perform(get(PAGE))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The server sees you connecting from 127.0.0.1.")))
			.andExpect(content().string(containsString("Your address is blocked for: dovecot.")))
			.andExpect(content().string(containsString("A block for sasl covers a whole network or a protected service")))
			.andExpect(content().string(containsString("action=\"" + PAGE + "\"")))
			.andExpect(content().string(containsString("name=\"_csrf\"")))
			.andExpect(content().string(not(containsString("id=\"menu\""))));
	}

	@Test
	void offersNoButtonWhenNothingTheLinkMayReleaseHoldsTheVisitor() throws Exception {
		given(service.visit(TOKEN, VISITOR)).willReturn(Visit.open(VISITOR, List.of(), List.of(), Visit.Release.NOTHING));

		mvc.perform(get(PAGE))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Your address is not blocked for the services of this link.")))
			.andExpect(content().string(not(containsString("Release my address"))));
	}

	@Test
	void speaksTheVisitorsLanguage() throws Exception {
		given(service.visit(TOKEN, VISITOR)).willReturn(Visit.of(Visit.Kind.USED_UP, VISITOR));

		mvc.perform(get(PAGE).header("Accept-Language", "ca"))
			.andExpect(status().isGone())
			.andExpect(content().string(containsString("Aquest enllaç ja s&#39;ha fet servir.")));
		mvc.perform(get(PAGE).header("Accept-Language", "es"))
			.andExpect(content().string(containsString("Este enlace ya se ha usado.")));
	}

	@Test
	void answersAnUnknownLink404AndAThrottledAddress429WithRetryAfter() throws Exception {
		given(service.visit("nosuch", VISITOR)).willReturn(Visit.of(Visit.Kind.UNKNOWN, VISITOR));
		given(service.visit(TOKEN, VISITOR)).willReturn(Visit.throttled(VISITOR, 60));

		mvc.perform(get("/release/nosuch"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("This link is not valid.")));
		mvc.perform(get(PAGE))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "60"))
			.andExpect(content().string(containsString("Try again in 60 seconds.")));
	}

	@Test
	void answersAnExpiredOrRevokedLink410() throws Exception {
		given(service.release(TOKEN, VISITOR)).willReturn(Visit.of(Visit.Kind.EXPIRED, VISITOR));
		mvc.perform(post(PAGE).with(csrf()))
			.andExpect(status().isGone())
			.andExpect(content().string(containsString("This link has expired.")));

		given(service.release(TOKEN, VISITOR)).willReturn(Visit.of(Visit.Kind.REVOKED, VISITOR));
		mvc.perform(post(PAGE).with(csrf()))
			.andExpect(status().isGone())
			.andExpect(content().string(containsString("This link was withdrawn.")));
	}

	@Test
	void releasesAndSendsTheVisitorToTheResult() throws Exception {
		given(service.release(TOKEN, VISITOR)).willReturn(Visit.releasing(VISITOR, 5));

		mvc.perform(post(PAGE).with(csrf())).andExpect(redirectedUrl(PAGE + "/uses/5"));
	}

	@Test
	void refusesAPostWithoutCsrfTokenAndReleasesNothing() throws Exception {
		mvc.perform(post(PAGE)).andExpect(status().isForbidden());
		verify(service, never()).release(anyString(), anyString());
	}

	@Test
	void readsAUseNumberStrictly() throws Exception {
		given(service.result(TOKEN, VISITOR, 0)).willReturn(Visit.of(Visit.Kind.UNKNOWN, VISITOR));

		mvc.perform(get(PAGE + "/uses/0x10")).andExpect(status().isNotFound());
		verify(service).result(TOKEN, VISITOR, 0);
	}

}
