package org.unbanpanel.security;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.unbanpanel.testsupport.PanelBrowser;
import org.unbanpanel.testsupport.PanelWithoutTools;
import org.unbanpanel.testsupport.TestPanel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proxy set-up SECURITY.md documents, with this test as the proxy on 127.0.0.1: Tomcat believes its
 * {@code X-Forwarded-Proto} and marks the session cookie Secure, and the client address is the one it forwards.
 */
@PanelWithoutTools(users = { "alice", "ADMIN" },
		properties = { "server.forward-headers-strategy=native",
				"server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1|0:0:0:0:0:0:0:1",
				"panel.trusted-proxies=127.0.0.1,::1" })
class BehindTlsProxyIntegrationTests {

	static final String PASSWORD = TestPanel.PASSWORD;

	@LocalServerPort
	private int port;

	@Test
	void theSessionCookieIsSecureWhenTheProxySpeaksHttps() {
		HttpResponse<String> overHttps = new PanelBrowser(port).withHeader("X-Forwarded-Proto", "https").get("/login");
		HttpResponse<String> overHttp = new PanelBrowser(port).get("/login");

		assertThat(overHttps.headers().firstValue("Set-Cookie")).hasValueSatisfying(
				cookie -> assertThat(cookie).contains("Secure").contains("HttpOnly").contains("SameSite=Lax"));
		assertThat(overHttps.headers().firstValue("Strict-Transport-Security")).isPresent();
		assertThat(overHttp.headers().firstValue("Set-Cookie")).hasValueSatisfying(
				cookie -> assertThat(cookie).doesNotContain("Secure"));
	}

	@Test
	void theClientAddressIsTheOneTheTrustedProxyForwards() {
		PanelBrowser browser = new PanelBrowser(port).withHeader("X-Forwarded-For", "203.0.113.5");
		browser.signIn("alice", PASSWORD);

		assertThat(browser.get("/system/unblock").body()).contains("You are connecting from 203.0.113.5");
	}

}
