package org.unbanpanel.web;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.unbanpanel.UnbanPanelApplication;
import org.unbanpanel.testsupport.MachineAddress;
import org.unbanpanel.testsupport.Messages;
import org.unbanpanel.testsupport.PanelBrowser;
import org.unbanpanel.testsupport.PanelWithoutTools;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole panel with its built-in settings: reached from this machine only, and naming its version. */
@PanelWithoutTools
class SafeDefaultsIntegrationTests {

	@LocalServerPort
	private int port;

	@Test
	void listensOnLoopbackOnly() throws Exception {
		InetAddress elsewhere = MachineAddress.nonLoopback();

		assertThat(MachineAddress.accepts(InetAddress.getByName("127.0.0.1"), port)).isTrue();
		assertThat(MachineAddress.accepts(elsewhere, port)).as("a connection to %s", elsewhere).isFalse();
	}

	@Test
	void everyPageNamesTheVersionOfTheBuild() {
		assertThat(PanelVersion.current()).matches("\\d+\\.\\d+\\.\\d+.*");

		assertThat(new PanelBrowser(port).get("/login").body())
			.contains("<p class=\"version\">Unban Panel " + PanelVersion.current() + "</p>");
	}

	@Test
	void saysOnTheSignInPageHowToGetANewFirstPasswordWhileNoUserIsConfigured() {
		assertThat(new PanelBrowser(port).get("/login").body()).contains(
				Messages.text("en", "login.initialAdmin").replace("'", "&#39;"));
	}

	@Test
	void versionOptionPrintsTheVersionAndStartsNothing() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PrintStream console = System.out;
		System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
		try {
			UnbanPanelApplication.main(new String[] { "--version" });
		}
		finally {
			System.setOut(console);
		}

		assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("unban-panel " + PanelVersion.current() + "\n");
	}

}
