package org.unbanpanel.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person at the panel over real HTTP, asking for HTML as a browser does: keeps the session cookie, reads the CSRF token from each page it loads and
 * sends it with the next form, and does not follow redirects, so tests see where the panel sends them.
 */
public final class PanelBrowser {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(cookies)
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String base;

	private String csrfToken;

	private final Map<String, String> extraHeaders = new LinkedHashMap<>();

	public PanelBrowser(int port) {
		this.base = "http://localhost:" + port;
	}

	/** Signs in through the login form; returns where the panel redirected to. */
	public HttpResponse<String> signIn(String username, String password) {
		get("/login");
		return post("/login", Map.of("username", username, "password", password));
	}

	public HttpResponse<String> get(String path) {
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
		Matcher token = CSRF.matcher(response.body());
		if (token.find()) {
			csrfToken = token.group(1);
		}
		return response;
	}

	/** Posts a form with the CSRF token of the last page loaded. */
	public HttpResponse<String> post(String path, Map<String, String> fields) {
		Map<String, String> withToken = new LinkedHashMap<>(fields);
		if (csrfToken != null) {
			withToken.put("_csrf", csrfToken);
		}
		return postWithoutToken(path, withToken);
	}

	/** Posts a form exactly as given, as a forged cross-site request would. */
	public HttpResponse<String> postWithoutToken(String path, Map<String, String> fields) {
		return send(formPost(path, fields));
	}

	/**
	 * Posts like {@link #post} without waiting for the answer, for requests that must reach the panel at the same
	 * time; each may open a connection of its own.
	 */
	public CompletableFuture<HttpResponse<String>> postAsync(String path, Map<String, String> fields) {
		Map<String, String> withToken = new LinkedHashMap<>(fields);
		if (csrfToken != null) {
			withToken.put("_csrf", csrfToken);
		}
		return http.sendAsync(prepared(formPost(path, withToken)), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder formPost(String path, Map<String, String> fields) {
		String body = fields.entrySet()
			.stream()
			.map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		return HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body));
	}

	/** The path a redirect points to, without scheme and host. */
	public static String redirectPath(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
	}

	/** Like {@link #redirectPath}, or empty for an answer that is no redirect. */
	public static String locationPath(HttpResponse<String> response) {
		return response.headers().firstValue("Location").isPresent() ? redirectPath(response) : "";
	}

	/** One host's section of a page that has one per host ({@code id="host-<name>"}), up to the next host's. */
	public static String hostSection(String page, String host) {
		int start = page.indexOf("id=\"host-" + host + "\"");
		assertThat(start).as("the section of " + host).isNotNegative();
		int next = page.indexOf("id=\"host-", start + 1);
		return page.substring(start, next < 0 ? page.length() : next);
	}

	/** Waits for every answer of requests sent at the same time. */
	public static List<HttpResponse<String>> awaitAll(Stream<CompletableFuture<HttpResponse<String>>> requests) {
		return requests.toList().stream().map(CompletableFuture::join).toList();
	}

	/** Reloads a job page until it stops refreshing itself (the job finished), for at most 30 s; returns its HTML. */
	public String awaitFinished(String jobPage) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (true) {
			String page = get(jobPage).body();
			if (!page.contains("http-equiv=\"refresh\"") || System.nanoTime() > deadline) {
				return page;
			}
			Thread.sleep(50);
		}
	}

	/** Sends this header with every later request, for example a forged {@code X-Forwarded-For}. */
	public PanelBrowser withHeader(String name, String value) {
		extraHeaders.put(name, value);
		return this;
	}

	/** The value of a cookie the panel has set, such as {@code JSESSIONID}. */
	public Optional<String> cookie(String name) {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(cookie -> cookie.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst();
	}

	/** Replaces the session cookie, as a client holding an expired or made-up session would send it. */
	public void useSessionCookie(String value) {
		HttpCookie session = new HttpCookie("JSESSIONID", value);
		session.setPath("/");
		session.setVersion(0);
		cookies.getCookieStore().removeAll();
		cookies.getCookieStore().add(URI.create(base), session);
	}

	private HttpRequest prepared(HttpRequest.Builder request) {
		extraHeaders.forEach(request::header);
		return request.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
			.timeout(Duration.ofSeconds(30))
			.build();
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return http.send(prepared(request), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
