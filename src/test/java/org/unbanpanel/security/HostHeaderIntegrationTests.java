package org.unbanpanel.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.unbanpanel.testsupport.PanelWithoutTools;
import org.unbanpanel.testsupport.RawHttp;
import org.unbanpanel.testsupport.TestPanel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 item 12: no redirect is built from the {@code Host} header, so a forged one never shows up in a
 * {@code Location}, over HTTP/1.1 and HTTP/1.0 (where Tomcat itself would make every redirect absolute).
 */
@PanelWithoutTools(users = { "alice", "ADMIN" })
class HostHeaderIntegrationTests {

	static final String EVIL = "evil.example";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	private int port;

	@ParameterizedTest
	@ValueSource(strings = { "HTTP/1.1", "HTTP/1.0" })
	void noRedirectNamesTheHostHeader(String version) {
		Client client = new Client(version);

		assertRelative(client.get("/jobs"), "/login");
		assertRelative(client.get("/login/totp"), "/login");
		client.get("/login");
		assertRelative(client.post("/login", Map.of("username", "alice", "password", "wrong")), "/login?error");
		client.get("/login");
		assertRelative(client.post("/login", Map.of("username", "alice", "password", TestPanel.PASSWORD)), "/jobs");
		assertRelative(client.get("/"), "/system/unblock");
		client.get("/system/unblock");
		assertRelative(client.post("/logout", Map.of()), "/login?logout");
	}

	private static void assertRelative(RawHttp.Response response, String expected) {
		assertThat(response.status()).isBetween(300, 399);
		assertThat(response.header("Location")).hasValueSatisfying(location -> assertThat(location)
			.doesNotContain(EVIL)
			.startsWith(expected));
	}

	/** A browser that asked for {@code evil.example}: keeps its session cookie and CSRF token. */
	private final class Client {

		private final String version;

		private String session;

		private String csrf;

		Client(String version) {
			this.version = version;
		}

		RawHttp.Response get(String path) {
			return remember(RawHttp.send(port, "GET", path, version, headers(), null));
		}

		RawHttp.Response post(String path, Map<String, String> fields) {
			Map<String, String> form = new LinkedHashMap<>(fields);
			form.put("_csrf", csrf);
			StringBuilder body = new StringBuilder();
			form.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
				.append(encode(name))
				.append('=')
				.append(encode(value)));
			return remember(RawHttp.send(port, "POST", path, version, headers(), body.toString()));
		}

		private Map<String, String> headers() {
			Map<String, String> headers = new LinkedHashMap<>();
			headers.put("Host", EVIL);
			headers.put("Accept", "text/html");
			if (session != null) {
				headers.put("Cookie", "JSESSIONID=" + session);
			}
			return headers;
		}

		private RawHttp.Response remember(RawHttp.Response response) {
			response.cookie("JSESSIONID").ifPresent(id -> session = id);
			Matcher token = CSRF.matcher(response.body());
			if (token.find()) {
				csrf = token.group(1);
			}
			return response;
		}

		private static String encode(String text) {
			return URLEncoder.encode(text, StandardCharsets.UTF_8);
		}

	}

}
