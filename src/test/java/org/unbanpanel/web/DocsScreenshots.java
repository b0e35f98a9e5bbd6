package org.unbanpanel.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.unbanpanel.testsupport.Chromium;
import org.unbanpanel.testsupport.PanelOnRealTools;
import org.unbanpanel.testsupport.RealTools;
import org.unbanpanel.testsupport.TestPanel;
import org.unbanpanel.testsupport.WithChromium;

/**
 * The pictures in the README, taken in Chromium from the running panel: {@code ./mvnw -Pscreenshots test} writes them
 * to {@code docs/} in English and {@code docs/es/} in Spanish. The office address banned in two jails and a locked
 * account, released as the reference page tells.
 */
@Tag("screenshots")
@PanelOnRealTools(users = { "alice", "ADMIN" })
@WithChromium
class DocsScreenshots {

	private static final Path DOCS = Path.of("docs");

	private final RealTools tools;

	private Chromium chromium;

	DocsScreenshots(RealTools tools) {
		this.tools = tools;
	}

	@Test
	void photographsThePagesInEnglishAndSpanish(Chromium chromium) {
		this.chromium = chromium;
		tools.fail2ban().ban("dovecot", "198.51.100.23", "2001:db8:85a3::8a2e:370:7334", "100.64.0.0/24");
		tools.fail2ban().ban("sasl", "198.51.100.42");
		tools.fail2ban().ban("mxcp", "192.0.2.77");
		tools.fail2ban().ban("sshd", "198.51.100.5", "198.51.100.6", "198.51.100.7");
		chromium.open("/login");
		chromium.signIn("alice", TestPanel.PASSWORD);
		photograph("en", DOCS);
		photograph("es", DOCS.resolve("es"));
	}

	private void photograph(String language, Path folder) {
		tools.fail2ban().ban("dovecot", "203.0.113.7");
		tools.fail2ban().ban("sasl", "203.0.113.7");
		tools.pam().lockOut();
		chromium.desktop().open("/system/unblock?lang=" + language);
		save("unblock", folder);
		String lookup = "/lookup?ip=203.0.113.7&user=" + tools.pam().user();
		chromium.open(lookup);
		save("lookup", folder);
		chromium.phone().open(lookup);
		save("lookup-phone", folder);
		chromium.desktop().open("/jails");
		save("jails", folder);
		chromium.phone();
		save("jails-phone", folder);
		chromium.desktop();
		chromium.open("/jails/dovecot");
		save("jail", folder);
		chromium.phone().open("/jails/dovecot");
		save("jail-phone", folder);
		chromium.desktop().open("/system/unblock");
		chromium.field("ips").sendKeys("203.0.113.7, 192.0.2.200");
		chromium.field("accounts").sendKeys(tools.pam().user());
		chromium.follow("form[action='/system/unblock'] button[type='submit']");
		chromium.await(browser -> chromium.all("meta[http-equiv='refresh']").isEmpty());
		save("job", folder);
		chromium.phone();
		save("job-phone", folder);
		chromium.desktop();
	}

	private void save(String name, Path folder) {
		try {
			Files.createDirectories(folder);
			Files.copy(chromium.screenshot(folder.getFileName() + "-" + name), folder.resolve(name + ".png"),
					StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
