package org.unbanpanel.hosts;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.testsupport.PanelWebTest;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(HostsController.class)
@PanelWebTest
class HostsControllerTests {

	private static final String PANEL_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPanelKeyPanelKeyPanelKeyPanelKey";

	private static final String PINNED = "SHA256:pinnedpinnedpinnedpinnedpinnedpinnedpinned1";

	private static final String SHOWN = "SHA256:shownshownshownshownshownshownshownshown2";

	private static final List<String> TOOLS = List.of("fail2ban", "accounts");

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private HostsOverview overview;

	@Test
	@WithMockUser(roles = "OPERATOR")
	void showsEachHostsReachabilityToolsKeyAndLastContact() throws Exception {
		given(overview.page()).willReturn(page(local(), reachable(), refusedKey()));

		mvc.perform(get("/hosts"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"host-local\""), containsString("this machine"),
					containsString("1.0.2"), containsString("faillock"), containsString("id=\"host-mail\""),
					containsString("unban-panel@192.0.2.10:22"), containsString("reachable"),
					containsString("2026-12-01 10:00:05 UTC"), containsString("pam_tally2"))));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void aHostShowingAnotherKeyIsShownRefusedWithBothFingerprintsAndItsToolsNotAsked() throws Exception {
		given(overview.page()).willReturn(page(refusedKey()));

		mvc.perform(get("/hosts"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("refused: wrong host key"),
					containsString("It shows the key " + SHOWN + ", but " + PINNED + " is pinned. Nothing is run there."),
					containsString("reach-key_mismatch"), not(containsString("1.0.2")))));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void anUnreachableHostSaysWhyInTheReadersLanguage() throws Exception {
		HostStatus down = new HostStatus(HostStatus.Reachability.UNREACHABLE,
				Explanation.of("hosts.problem.unreachable", "mail (192.0.2.10:22)", Explanation.of("hosts.reason.refused")),
				PINNED, null, null);
		given(overview.page()).willReturn(page(remote(down, HostTool.Report.NOT_ASKED, HostTool.Report.NOT_ASKED)));

		mvc.perform(get("/hosts").header("Accept-Language", "es"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("inaccesible"),
					containsString("no se puede contactar con mail (192.0.2.10:22): conexión rechazada"),
					containsString("no desde que arrancó el panel"))));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void showsThePanelsKeyAndTheAuthorizedKeysLineEachHostNeeds() throws Exception {
		given(overview.page()).willReturn(page(local(), reachable()));

		mvc.perform(get("/hosts"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(PANEL_KEY), containsString("SHA256:panelpanel"),
					containsString("id=\"authorized-keys-mail\""),
					containsString("restrict,from=&quot;192.0.2.1&quot; " + PANEL_KEY + " unban-panel@panel"),
					containsString("~unban-panel/.ssh/authorized_keys"), not(containsString("authorized-keys-local")))));
	}

	@Test
	void asksForSignInFirst() throws Exception {
		mvc.perform(get("/hosts")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
	}

	private static HostsOverview.HostsPage page(HostsOverview.HostRow... rows) {
		return new HostsOverview.HostsPage(List.of(rows), TOOLS, PANEL_KEY, "SHA256:panelpanelpanel");
	}

	private static HostsOverview.HostRow local() {
		return new HostsOverview.HostRow(HostName.LOCAL, null, null, HostStatus.local(),
				List.of(HostTool.Report.of("1.0.2"), HostTool.Report.of("faillock")), null, null);
	}

	private static HostsOverview.HostRow reachable() {
		HostStatus status = new HostStatus(HostStatus.Reachability.REACHABLE, null, PINNED, null,
				Instant.parse("2026-12-01T10:00:05Z"));
		return remote(status, HostTool.Report.of("1.1.0"), HostTool.Report.of("pam_tally2"));
	}

	private static HostsOverview.HostRow refusedKey() {
		HostStatus status = new HostStatus(HostStatus.Reachability.KEY_MISMATCH,
				Explanation.of("hosts.problem.keyMismatch", "mail (192.0.2.10:22)", SHOWN, PINNED), PINNED, SHOWN, null);
		return new HostsOverview.HostRow(HostName.parse("backup"), "192.0.2.11:22", "unban-panel", status,
				List.of(HostTool.Report.NOT_ASKED, HostTool.Report.NOT_ASKED), "restrict,from=\"192.0.2.1\" " + PANEL_KEY,
				"SHA256:panelpanelpanel");
	}

	private static HostsOverview.HostRow remote(HostStatus status, HostTool.Report fail2ban, HostTool.Report accounts) {
		return new HostsOverview.HostRow(HostName.parse("mail"), "192.0.2.10:22", "unban-panel", status,
				List.of(fail2ban, accounts), "restrict,from=\"192.0.2.1\" " + PANEL_KEY + " unban-panel@panel",
				"SHA256:panelpanelpanel");
	}

}
