package org.unbanpanel.security.lockout;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.unbanpanel.testsupport.PanelWithoutTools;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 item 2's figure, printed, not asserted: how long {@code GET /login} from another address takes while 1,200
 * concurrent {@code GET /} carrying {@code Authorization: Basic} for a throttled name arrive from one address (target
 * under 0.5 s), against the same flood without the header and against an idle panel, in the same run. Run with
 * {@code ./mvnw -Pbenchmark test -Dtest=SignInFloodBenchmark}.
 */
@Tag("benchmark")
@PanelWithoutTools(users = { "admin", "ADMIN" }, behindTestProxy = true)
class SignInFloodBenchmark {

	static final int FLOOD = 1_200;

	static final int ROUNDS = 7;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@LocalServerPort
	private int port;

	@Test
	void signInPageDuringAFloodOfThrottledBasicHeaders() {
		for (int failure = 1; failure <= 10; failure++) {
			send(request("/api/v1/jobs/1", "198.51.100." + failure, true)).join();
		}
		List<Long> idle = new ArrayList<>();
		List<Long> withHeader = new ArrayList<>();
		List<Long> withoutHeader = new ArrayList<>();
		for (int round = 0; round < ROUNDS; round++) {
			idle.add(signInPageMillis());
			withHeader.add(duringFlood(true));
			withoutHeader.add(duringFlood(false));
		}
		System.out.printf("%nSIGN-IN FLOOD BENCHMARK GET /login from another address, median of %d rounds (all, ms):%n"
				+ "  idle panel:                                  %d %s%n"
				+ "  during %d GET / with a throttled Basic header: %d %s%n"
				+ "  during %d GET / without the header:           %d %s%n",
				ROUNDS, median(idle), idle, FLOOD, median(withHeader), withHeader, FLOOD, median(withoutHeader),
				withoutHeader);
	}

	private long duringFlood(boolean header) {
		List<CompletableFuture<HttpResponse<String>>> flood = IntStream.range(0, FLOOD)
			.mapToObj(i -> send(request("/", "203.0.113.3", header)))
			.toList();
		long took = signInPageMillis();
		flood.forEach(answer -> assertThat(answer.join().statusCode()).isEqualTo(302));
		return took;
	}

	private long signInPageMillis() {
		HttpClient fresh = HttpClient.newHttpClient();
		long started = System.nanoTime();
		HttpResponse<String> page = fresh.sendAsync(request("/login", "203.0.113.4", false).build(),
				HttpResponse.BodyHandlers.ofString()).join();
		long took = (System.nanoTime() - started) / 1_000_000;
		assertThat(page.statusCode()).isEqualTo(200);
		return took;
	}

	private HttpRequest.Builder request(String path, String address, boolean basic) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("X-Forwarded-For", address)
			.timeout(Duration.ofSeconds(60));
		if (basic) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString("admin:x".getBytes(StandardCharsets.UTF_8)));
		}
		return request;
	}

	private CompletableFuture<HttpResponse<String>> send(HttpRequest.Builder request) {
		return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static long median(List<Long> values) {
		List<Long> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

}
