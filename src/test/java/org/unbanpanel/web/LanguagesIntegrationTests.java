package org.unbanpanel.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.unbanpanel.testsupport.PamLockout;
import org.unbanpanel.testsupport.PanelBrowser;
import org.unbanpanel.testsupport.PanelOnRealTools;
import org.unbanpanel.testsupport.RealTools;
import org.unbanpanel.testsupport.TestPanel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unbanpanel.testsupport.Messages.bundle;
import static org.unbanpanel.testsupport.Messages.text;

/**
 * The language a browser or script asks for with {@code Accept-Language}, over real HTTP on the real tools: every
 * page, a job's lines and the API's problems come back in Spanish or Catalan, and no English sentence of ours is left
 * on any page; a language the panel does not speak gets English.
 */
@PanelOnRealTools(users = { "alice", "ADMIN" })
class LanguagesIntegrationTests {

	/** An English message is left on a page when a stretch of its words of at least this length is found there. */
	private static final int WORDS = 14;

	private static final Pattern ARGUMENT = Pattern.compile("\\{[^}]*}");

	private final RealTools tools;

	LanguagesIntegrationTests(RealTools tools) {
		this.tools = tools;
	}

	@ParameterizedTest
	@ValueSource(strings = { "es-ES,es;q=0.9,en;q=0.5", "ca-ES,ca;q=0.9,es;q=0.6,en;q=0.4" })
	void everyPageAndAJobsLinesComeBackInTheLanguageAsked(String acceptLanguage) throws InterruptedException {
		String language = acceptLanguage.substring(0, 2);
		String address = "es".equals(language) ? "203.0.113.18" : "203.0.113.19";
		tools.fail2ban().ban("dovecot", address);
		tools.fail2ban().ban("sasl", address);
		tools.pam().lockOut();
		assertThat(englishLeftOn(tools.browser().get("/login").body(), language)).as("the check finds English")
			.isNotEmpty();
		PanelBrowser browser = tools.browser().withHeader("Accept-Language", acceptLanguage);
		assertThat(englishLeftOn(browser.get("/login").body(), language)).isEmpty();
		browser.signIn("alice", TestPanel.PASSWORD);
		browser.get("/system/unblock");
		String jobPage = PanelBrowser.redirectPath(
				browser.post("/system/unblock", Map.of("ips", address, "accounts", tools.pam().user())));
		String job = browser.awaitFinished(jobPage);

		assertThat(job).contains(text(language, "job.state.DONE"))
			.containsAnyOf(text(language, "job.item.UNBANNED", "dovecot, sasl"),
					text(language, "job.item.UNBANNED", "sasl, dovecot"))
			.contains(text(language, "job.item.CLEARED", PamLockout.DENY));
		Map<String, List<String>> left = new LinkedHashMap<>();
		for (String page : List.of("/system/unblock", "/lookup?ip=" + address + "&user=" + tools.pam().user(),
				"/trusts", "/links", "/links/new", "/release/AAAAAAAAAAAAAAAAAAAAAA", "/jails", "/jails/dovecot",
				"/jails/nosuch", "/jails/dovecot?host=nosuch", "/accounts", "/jobs", jobPage, "/hosts", "/audit",
				"/account/totp", "/jobs/999999999")) {
			String html = browser.get(page).body();
			assertThat(html).as(page).contains("<html lang=\"" + language + "\"");
			left.put(page, englishLeftOn(html, language));
		}
		assertThat(left).allSatisfy((page, english) -> assertThat(english).as(page).isEmpty());
	}

	@ParameterizedTest
	@ValueSource(strings = { "es", "ca" })
	void answersAnApiProblemInTheLanguageAsked(String language) throws IOException, InterruptedException {
		HttpResponse<String> answer = api("/api/v1/lookup?ip=" + URLEncoder.encode("-x", StandardCharsets.UTF_8),
				language);

		assertThat(answer.statusCode()).isEqualTo(400);
		JsonNode problem = JsonMapper.builder().build().readTree(answer.body());
		assertThat(problem.get("title").asString()).isEqualTo(text(language, "lookup.api.invalid"));
		assertThat(problem.get("detail").asString()).isEqualTo(text(language, "lookup.api.rejected", 1));
		assertThat(problem.get("errors").get(0).get("detail").asString())
			.isEqualTo(text(language, "invalid.ip.leadingDash", "-x"));

		JsonNode unknown = JsonMapper.builder().build().readTree(api("/api/v1/jobs/999999999", language).body());
		assertThat(unknown.get("title").asString()).isEqualTo(text(language, "jobs.api.unknown"));
		assertThat(unknown.get("detail").asString()).isEqualTo(text(language, "jobs.api.unknown.detail", 999999999));
	}

	@Test
	void answersALanguageItDoesNotSpeakInEnglish() {
		String page = tools.browser().withHeader("Accept-Language", "de-DE,de;q=0.9").get("/login").body();

		assertThat(page).contains("<html lang=\"en\"").contains(text("en", "login.title"));
	}

	/** The English messages found on a page meant to be in another language: a long stretch of their words. */
	private static List<String> englishLeftOn(String html, String language) {
		String page = html.replace("&#39;", "'").replace("&quot;", "\"").replace("&amp;", "&");
		Properties english = bundle("en");
		Properties translated = bundle(language);
		return english.stringPropertyNames()
			.stream()
			.sorted()
			.filter(key -> !key.startsWith("language."))
			.flatMap(key -> stretches(english.getProperty(key)).stream()
				.filter(words -> !translated.getProperty(key).replace("''", "'").contains(words))
				.filter(page::contains)
				.map(words -> key + ": " + words))
			.toList();
	}

	/** The stretches of plain words of a pattern, between its arguments, long enough to be a sentence of ours. */
	private static List<String> stretches(String pattern) {
		return ARGUMENT.splitAsStream(pattern.replace("''", "'"))
			.map(String::strip)
			.filter(words -> words.length() >= WORDS && words.contains(" "))
			.toList();
	}

	private HttpResponse<String> api(String path, String language) throws IOException, InterruptedException {
		String credentials = Base64.getEncoder()
			.encodeToString(("alice:" + TestPanel.PASSWORD).getBytes(StandardCharsets.UTF_8));
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(tools.uri(path))
				.header("Authorization", "Basic " + credentials)
				.header("Accept-Language", language)
				.build(), HttpResponse.BodyHandlers.ofString());
	}

}
