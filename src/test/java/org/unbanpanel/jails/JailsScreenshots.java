package org.unbanpanel.jails;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.unbanpanel.testsupport.Fail2banServer;
import org.unbanpanel.testsupport.PanelBrowser;
import org.unbanpanel.testsupport.SystemTools;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Takes the screenshots of {@code /jails} and {@code /jails/{name}} in {@code docs/}, as an admin sees them, at
 * desktop and phone width: each page is saved signed in, with its stylesheet inlined, and photographed by headless
 * Chromium. Run by hand with {@code ./mvnw test -Dtest=JailsScreenshots -Dscreenshots=true}.
 */
@EnabledIfSystemProperty(named = "screenshots", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JailsScreenshots {

	static final String PASSWORD = "screenshot password";

	static final String CHROMIUM = "/usr/bin/chromium";

	private static Fail2banServer fail2ban;

	@LocalServerPort
	private int port;

	@BeforeAll
	static void startFail2banWithSomeBans() {
		SystemTools.requireProgram(CHROMIUM, "chromium");
		fail2ban = Fail2banServer.start();
		fail2ban.ban("dovecot", "203.0.113.7", "198.51.100.23", "2001:db8:85a3::8a2e:370:7334", "192.0.2.0/24");
		fail2ban.ban("sasl", "203.0.113.7", "198.51.100.42");
		fail2ban.ban("mxcp", "192.0.2.77");
		fail2ban.ban("sshd", "198.51.100.5", "198.51.100.6", "198.51.100.7");
		fail2ban.setBanTime("ssh-ddos", "-1");
		fail2ban.ban("ssh-ddos", "203.0.113.250");
	}

	@AfterAll
	static void stopFail2ban() {
		if (fail2ban != null) {
			fail2ban.close();
		}
	}

	@DynamicPropertySource
	static void panel(DynamicPropertyRegistry registry) {
		PanelSettings.register(registry, () -> fail2ban, "admin", PASSWORD, "ADMIN");
	}

	@Test
	void photographsTheJailPages() throws Exception {
		PanelBrowser browser = new PanelBrowser(port);
		browser.signIn("admin", PASSWORD);
		String css = browser.get("/css/panel.css").body();
		photograph(browser, css, "/jails", "jails");
		photograph(browser, css, "/jails/dovecot", "jail");
	}

	private void photograph(PanelBrowser browser, String css, String path, String name) throws Exception {
		String html = browser.get(path).body()
			.replaceFirst("<link rel=\"stylesheet\" href=\"/css/panel.css\">", "<style>" + css + "</style>");
		Path page = Files.createDirectories(Path.of("target", "screenshots")).resolve(name + ".html").toAbsolutePath();
		Files.writeString(page, html);
		screenshot(page, Path.of("docs", name + ".png"), "1200,700");
		screenshot(page, Path.of("docs", name + "-phone.png"), "390,844");
	}

	private static void screenshot(Path page, Path png, String windowSize) throws IOException, InterruptedException {
		Files.createDirectories(png.toAbsolutePath().getParent());
		Path profile = Files.createTempDirectory("chromium-");
		List<String> command = new ArrayList<>(List.of(CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile, "--window-size=" + windowSize,
				"--screenshot=" + png.toAbsolutePath(), page.toUri().toString()));
		Process chromium = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		assertThat(chromium.waitFor(Duration.ofMinutes(1).toSeconds(), TimeUnit.SECONDS)).isTrue();
		assertThat(png).isNotEmptyFile();
	}

}
