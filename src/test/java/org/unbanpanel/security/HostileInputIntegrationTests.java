package org.unbanpanel.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.unbanpanel.core.InvalidValueException;
import org.unbanpanel.jobs.JobService;
import org.unbanpanel.jobs.JobSummary;
import org.unbanpanel.testsupport.CommandRunnerDecorator;
import org.unbanpanel.testsupport.PanelBrowser;
import org.unbanpanel.testsupport.PanelOnRealTools;
import org.unbanpanel.testsupport.RealTools;
import org.unbanpanel.testsupport.TestPanel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5's hostile-input suite against the real flow: a private fail2ban-server holding a ban, a real PAM account
 * locked out, the whole panel over HTTP. Every hostile value goes through each field of the Unblock Access form and of
 * the JSON API; each must get its documented answer (a form error or a 400 problem naming the right code) while
 * fail2ban's bans, the lock record, the job queue and the file system stay exactly as they were, and no process is
 * started with the value. Then requests that are wrong in other ways: no CSRF token, the wrong role, a dead session, a
 * forged {@code X-Forwarded-For}; and two admins releasing the same address at once. The public page of a release
 * link gets hostile tokens too, shown and posted without a session.
 */
@PanelOnRealTools(users = { "alice", "ADMIN", "bob", "ADMIN", "noc", "OPERATOR" },
		// every hostile token is a wrong one: the release page's throttle would answer the later ones 429
		properties = "panel.links.throttle.max-failures=100000")
class HostileInputIntegrationTests {

	static final String PASSWORD = TestPanel.PASSWORD;

	/** Held by two jails for the whole class: every refused request must leave it there. */
	static final String BANNED = "198.51.100.23";

	/** Released by two admins at once. */
	static final String RACED = "192.0.2.50";

	/** What a shell running one of the payloads would create; short, so the payloads fail on content, not length. */
	static final Path SENTINEL = Path.of("/tmp", "upw" + UUID.randomUUID().toString().substring(0, 6));

	static final String TOUCH = "touch${IFS}" + SENTINEL;

	/** Every command the panel ran since the test began, on this machine and (in the remote run) on other hosts. */
	static final List<List<String>> commands = Collections.synchronizedList(new ArrayList<>());

	private final RealTools tools;

	@Autowired
	private JobService service;

	@Autowired
	private MessageSource messages;

	private Snapshot before;

	HostileInputIntegrationTests(RealTools tools) {
		this.tools = tools;
	}

	@BeforeAll
	static void banAndLockOut(RealTools tools) {
		tools.fail2ban().ban("sshd", BANNED);
		tools.fail2ban().ban("mxcp", BANNED);
		tools.pam().lockOut();
	}

	@BeforeEach
	void recordFromHere() {
		before = snapshot();
		commands.clear();
	}

	@AfterEach
	void noShellEverRan() {
		assertThat(SENTINEL).doesNotExist();
	}

	/** A hostile value; {@code form} is what the form shows for it, as (code, offending part) pairs. */
	record Hostile(String label, String formText, List<String> apiValues, String apiCode, List<Rejected> form) {

		@Override
		public String toString() {
			return label;
		}

	}

	/** One error the page shows: the message code and the part of the field text it names. */
	record Rejected(String code, String part) {
	}

	static Stream<Hostile> hostileAddresses() {
		String forbidden = "invalid.ip.forbiddenCharacter";
		String notAnAddress = "invalid.ip.notAnAddress";
		String leadingDash = "invalid.ip.leadingDash";
		String hundredKb = "A".repeat(100 * 1024);
		return Stream.of(same("1.2.3.4;id", forbidden), same("$(id)", forbidden), same("`id`", forbidden),
				same("-x", leadingDash), same("--all", leadingDash), same("--report-absent", leadingDash),
				split("1.2.3.4 --dir /", forbidden, new Rejected(leadingDash, "--dir"), new Rejected(notAnAddress, "/")),
				split("1.2.3.4\nset sshd banip 9.9.9.9", forbidden, new Rejected(notAnAddress, "set"),
						new Rejected(notAnAddress, "sshd"), new Rejected(notAnAddress, "banip")),
				same(TOUCH + ";", forbidden), same("$(" + TOUCH + ")", forbidden), same("`" + TOUCH + "`", forbidden),
				same("%0a", notAnAddress), same("1.2.3.4\u0000", forbidden),
				new Hostile("100 KB of text", hundredKb, List.of(hundredKb), "invalid.ip.tooLong",
						List.of(new Rejected("Size.unblockForm.ips", null))),
				new Hostile("10,000 values", "9 ".repeat(10_000), tenThousandAddresses(), "unblock.tooMany",
						List.of(new Rejected("unblock.tooMany", "1000"))),
				same("１９２.１６８.０.１", notAnAddress), same("999.1.1.1", notAnAddress), same("1.2.3", notAnAddress),
				same("192.168.010.1", "invalid.ip.leadingZero"), same("3221226034", notAnAddress),
				same("127.0.257", notAnAddress), same("fe80::1%eth0", "invalid.ip.zoneId"),
				same("0.0.0.0/0", "invalid.ip.tooWide"), same("::/0", "invalid.ip.tooWide"),
				same("localhost", notAnAddress), same("example.com", notAnAddress));
	}

	static Stream<Hostile> hostileAccounts() {
		String pattern = "invalid.user.pattern";
		return Stream.of(same("-r", pattern), same("--dir", pattern), same("root;id", pattern),
				same("root;" + TOUCH, pattern), same("../etc/passwd", pattern), same(".", pattern), same("..", pattern),
				same("a:b", pattern), split("bob\r\nINFO", pattern, new Rejected(pattern, "INFO")), same("1000", pattern),
				new Hostile("empty", "", List.of(""), "invalid.user.empty", List.of(new Rejected("unblock.nothing", null))),
				same("a".repeat(33), "invalid.user.tooLong"));
	}

	static Stream<String> hostileHosts() {
		return Stream.of("local;id", "$(id)", "`id`", "../local", "-x", "--all", "local\nid", "local;" + TOUCH, "LOCAL",
				"nosuch");
	}

	@ParameterizedTest(name = "form ips: {0}")
	@MethodSource("hostileAddresses")
	void theFormRefusesAHostileAddress(Hostile hostile) {
		assertFormRefuses("ips", hostile);
	}

	@ParameterizedTest(name = "form accounts: {0}")
	@MethodSource("hostileAccounts")
	void theFormRefusesAHostileAccount(Hostile hostile) {
		assertFormRefuses("accounts", hostile);
	}

	@ParameterizedTest(name = "API ips: {0}")
	@MethodSource("hostileAddresses")
	void theApiRefusesAHostileAddress(Hostile hostile) {
		assertApiRefuses("ips", hostile);
	}

	@ParameterizedTest(name = "API accounts: {0}")
	@MethodSource("hostileAccounts")
	void theApiRefusesAHostileAccount(Hostile hostile) {
		assertApiRefuses("accounts", hostile);
	}

	@ParameterizedTest(name = "accounts page user: {0}")
	@MethodSource("hostileAccounts")
	void theAccountsPageRefusesAHostileAccount(Hostile hostile) {
		assertAccountResetRefuses(hostile.apiValues().get(0), resetHost(), hostile.apiValues().get(0));
	}

	@ParameterizedTest(name = "accounts page host: {0}")
	@MethodSource("hostileHosts")
	void theAccountsPageRefusesAHostileOrUnknownHost(String host) {
		assertAccountResetRefuses(tools.pam().user(), host, host);
	}

	@ParameterizedTest(name = "job id {0}")
	@ValueSource(strings = { "1;id", "$(id)", "`id`", "-x", "--all", "1 --dir /", "1\nset sshd banip 9.9.9.9", "%0a",
			"1\u0000", "１", "1e3", "0x10", "99999999999999999999", "../../etc/passwd", "-1" })
	void theApiAnswersAHostileJobIdWithAProblem(String id) {
		HttpResponse<String> answer = api("GET", "/api/v1/jobs/" + pathSegment(id), "alice", null);

		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.body()).doesNotContain("Exception").doesNotContain("at org.");
		assertUntouched(id);
	}

	@ParameterizedTest(name = "release link token: {0}")
	@MethodSource("hostileTokens")
	void theReleasePageAnswersAHostileTokenAsNoSuchLinkAndChangesNothing(String token) {
		PanelBrowser visitor = tools.browser();
		visitor.get("/login");
		String path = "/release/" + pathSegment(token);

		for (HttpResponse<String> answer : List.of(visitor.get(path), visitor.post(path, Map.of()))) {
			assertThat(answer.statusCode()).as("no such link, or a request the firewall refuses").isIn(400, 404);
			assertThat(answer.body()).doesNotContain("Exception").doesNotContain("at org.");
		}
		assertUntouched(token);
	}

	static Stream<String> hostileTokens() {
		String well = "AAAAAAAAAAAAAAAAAAAAAA";
		return Stream.of(well + "A", well.substring(1), "A".repeat(4000), well.substring(2) + "+/==", well + "\u0000",
				well.substring(1) + "\u0000", "' OR '1'='1' --", "x' UNION SELECT token_hash FROM release_link --",
				"../../etc/passwd", "..", ";id", "$(id)", "`id`", "-x", TOUCH, "１２３４５６７８９０１２３４５６７８９０１２",
				"%00", "AAAAAAAAAAAAAAAAAAAAA\nA");
	}

	@Test
	void theFormJudgesEveryBlankSeparatedPartAndNeverHandsOnTheBlank() throws InterruptedException {
		PanelBrowser alice = signedIn("alice");

		HttpResponse<String> posted = alice.post("/system/unblock", unblockFields("", "a b"));

		assertThat(posted.statusCode()).as("'a' and 'b' are two valid names").isEqualTo(302);
		alice.awaitFinished(PanelBrowser.redirectPath(posted));
		assertThat(commands).allSatisfy(argv -> assertThat(argv).noneMatch(arg -> carries(arg, "a b")));
		assertThat(commands).anySatisfy(argv -> assertThat(argv).containsSequence("--user", "a"));
		assertBansAndLockUnchanged();
	}

	@Test
	void aFormPostWithoutCsrfTokenIsRefused() {
		PanelBrowser alice = signedIn("alice");

		assertThat(alice.postWithoutToken("/system/unblock", unblockFields(BANNED, tools.pam().user())).statusCode())
			.isEqualTo(403);

		assertUntouched(BANNED);
	}

	@Test
	void anOperatorMayNotUnblockThroughTheFormOrTheApi() {
		PanelBrowser noc = signedIn("noc");

		assertThat(noc.post("/system/unblock", unblockFields(BANNED, tools.pam().user())).statusCode())
			.isEqualTo(403);
		assertThat(api("POST", "/api/v1/unblock", "noc", json(BANNED, tools.pam().user())).statusCode()).isEqualTo(403);

		assertUntouched(BANNED);
	}

	@Test
	void aPostWithADeadSessionIsRefused() {
		PanelBrowser alice = signedIn("alice");
		String oldSession = alice.cookie("JSESSIONID").orElseThrow();
		alice.post("/logout", Map.of());

		alice.useSessionCookie(oldSession);
		HttpResponse<String> withOldSession = alice.post("/system/unblock", unblockFields(BANNED, tools.pam().user()));
		alice.useSessionCookie("0123456789ABCDEF0123456789ABCDEF");
		HttpResponse<String> withMadeUpSession = alice.post("/system/unblock",
				unblockFields(BANNED, tools.pam().user()));

		assertThat(withOldSession.statusCode()).isEqualTo(403);
		assertThat(withMadeUpSession.statusCode()).isEqualTo(403);
		assertUntouched(BANNED);
	}

	@Test
	void aForgedForwardedForFromAnUntrustedPeerIsNotRecorded() throws InterruptedException {
		String forged = "203.0.113.66";
		PanelBrowser alice = signedIn("alice").withHeader("X-Forwarded-For", forged);

		HttpResponse<String> form = alice.get("/system/unblock");
		HttpResponse<String> posted = alice.post("/system/unblock", unblockFields("192.0.2.99", ""));
		alice.awaitFinished(PanelBrowser.redirectPath(posted));
		JobSummary formJob = latestJob();
		HttpResponse<String> api = api("POST", "/api/v1/unblock", "alice", json("192.0.2.98", null),
				Map.of("X-Forwarded-For", forged));

		assertThat(form.body()).doesNotContain(forged);
		assertThat(formJob.clientAddress()).isIn("127.0.0.1", "::1");
		assertThat(api.statusCode()).isEqualTo(202);
		JobSummary apiJob = latestJob();
		awaitFinished(apiJob.id());
		assertThat(apiJob.clientAddress()).isIn("127.0.0.1", "::1");
		assertBansAndLockUnchanged();
	}

	@Test
	void twoAdminsReleasingTheSameAddressAtOnceGetOneUnbannedAndOneNotBanned() throws Exception {
		String address = RACED;
		tools.fail2ban().ban("dovecot", address);
		PanelBrowser alice = signedIn("alice");
		PanelBrowser bob = signedIn("bob");
		CyclicBarrier together = new CyclicBarrier(2);

		List<CompletableFuture<String>> pages = Stream.of(alice, bob)
			.map(admin -> CompletableFuture.supplyAsync(() -> postTogether(admin, address, together)))
			.toList();
		List<String> finished = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			finished.add((i == 0 ? alice : bob).awaitFinished(pages.get(i).get()));
		}

		assertThat(finished).allSatisfy(page -> assertThat(page).contains("state-done").doesNotContain("item-failed"));
		assertThat(finished).filteredOn(page -> page.contains("unbanned from dovecot")).hasSize(1);
		assertThat(finished).filteredOn(page -> page.contains("was not banned in any jail")).hasSize(1);
		assertThat(tools.fail2ban().bannedIn("dovecot")).doesNotContain(address);
	}

	private void assertFormRefuses(String field, Hostile hostile) {
		PanelBrowser alice = signedIn("alice");
		Map<String, String> fields = "ips".equals(field) ? unblockFields(hostile.formText(), "")
				: unblockFields("", hostile.formText());

		HttpResponse<String> answer = alice.post("/system/unblock", fields);

		assertThat(answer.statusCode()).as("the form comes back with its errors, nothing is queued").isEqualTo(200);
		for (Rejected rejected : hostile.form()) {
			assertThat(answer.body()).contains(escaped(message(rejected.code(), rejected.part())));
		}
		assertUntouched(hostile.formText());
	}

	/** The reset goes back to the accounts page, with the reason there, and nothing is queued. */
	private void assertAccountResetRefuses(String user, String host, String hostile) {
		HttpResponse<String> answer = signedIn("alice").post("/accounts/reset", Map.of("user", user, "host", host));

		assertThat(PanelBrowser.locationPath(answer)).isEqualTo("/accounts");
		assertUntouched(hostile);
	}

	private void assertApiRefuses(String field, Hostile hostile) {
		String body = "ips".equals(field) ? json(hostile.apiValues(), List.of()) : json(List.of(), hostile.apiValues());

		HttpResponse<String> answer = api("POST", "/api/v1/unblock", "alice", body);

		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(codes(answer.body())).containsOnly(hostile.apiCode());
		assertUntouched(hostile.apiValues().get(0));
	}

	/**
	 * fail2ban holds what it held, the lock record is as it was, no job was queued, and no process ran but the
	 * pages' read-only ones (the banner's {@code version}, the form's {@code banned} for the visitor's own address),
	 * certainly none carrying the value.
	 */
	private void assertUntouched(String value) {
		assertThat(snapshot()).isEqualTo(before);
		assertThat(commands).allSatisfy(argv -> assertThat(argv.get(argv.size() - 1)).isIn("version", "banned"));
		assertThat(commands).allSatisfy(argv -> assertThat(argv).noneMatch(arg -> carries(arg, value)));
	}

	/** Short values ({@code .}, {@code -x}) only as a whole argument: the harness's own paths contain dots. */
	private static boolean carries(String argument, String value) {
		return argument.equals(value) || (value.length() > 3 && argument.contains(value));
	}

	private void assertBansAndLockUnchanged() {
		Snapshot now = snapshot();
		assertThat(now.bans()).isEqualTo(before.bans());
		assertThat(now.lockRecord()).isEqualTo(before.lockRecord());
		assertThat(now.otherHostsBans()).isEqualTo(before.otherHostsBans());
	}

	/** fail2ban's bans in every jail, the locked user's faillock record, the newest job, and the other hosts' bans. */
	record Snapshot(String bans, String lockRecord, Optional<Long> latestJob, String otherHostsBans) {
	}

	/** The host the accounts page resets an account on. */
	String resetHost() {
		return "local";
	}

	/** The Unblock Access form's fields, as a browser posts them. */
	Map<String, String> unblockFields(String ips, String accounts) {
		return Map.of("ips", ips, "accounts", accounts);
	}

	/** The bans of the other hosts of the fleet, where the suite runs with some. */
	String otherHostsBans() {
		return "";
	}

	private Snapshot snapshot() {
		try {
			String record = Base64.getEncoder().encodeToString(Files.readAllBytes(tools.pam().tallyDir().resolve(tools.pam().user())));
			return new Snapshot(tools.fail2ban().client(List.of("banned")), record,
					service.recent(1).stream().map(JobSummary::id).findFirst(), otherHostsBans());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private JobSummary latestJob() {
		return service.recent(1).get(0);
	}

	private String postTogether(PanelBrowser admin, String address, CyclicBarrier together) {
		admin.get("/system/unblock");
		try {
			together.await();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		HttpResponse<String> posted = admin.post("/system/unblock", unblockFields(address, ""));
		assertThat(posted.statusCode()).isEqualTo(302);
		return PanelBrowser.redirectPath(posted);
	}

	private PanelBrowser signedIn(String user) {
		PanelBrowser browser = tools.browser();
		assertThat(browser.signIn(user, PASSWORD).headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(location).doesNotContain("error"));
		browser.get("/system/unblock");
		return browser;
	}

	private void awaitFinished(long jobId) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!service.find(jobId).orElseThrow().finished() && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
	}

	private String message(String code, String part) {
		Object argument = "Size.unblockForm.ips".equals(code) ? null : InvalidValueException.printable(part);
		return messages.getMessage(code, new Object[] { argument, 65_536 }, Locale.ENGLISH);
	}

	/** As Thymeleaf's {@code th:text} writes text into the page. */
	private static String escaped(String text) {
		return text.replace("&", "&amp;")
			.replace("<", "&lt;")
			.replace(">", "&gt;")
			.replace("\"", "&quot;")
			.replace("'", "&#39;");
	}

	private static List<String> codes(String problem) {
		Matcher code = Pattern.compile("\"code\":\"([^\"]+)\"").matcher(problem);
		List<String> codes = new ArrayList<>();
		while (code.find()) {
			codes.add(code.group(1));
		}
		return codes;
	}

	private HttpResponse<String> api(String method, String path, String user, String json) {
		return api(method, path, user, json, Map.of());
	}

	private HttpResponse<String> api(String method, String path, String user, String json,
			Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(tools.uri(path))
			.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
			.header("Content-Type", "application/json")
			.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
		headers.forEach(request::header);
		try {
			return HttpClient.newHttpClient().send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String json(String ip, String account) {
		return json(ip == null ? List.of() : List.of(ip), account == null ? List.of() : List.of(account));
	}

	private static String json(List<String> ips, List<String> accounts) {
		return "{\"ips\": " + jsonArray(ips) + ", \"accounts\": " + jsonArray(accounts) + "}";
	}

	private static String jsonArray(List<String> values) {
		return values.stream().map(HostileInputIntegrationTests::jsonString).collect(Collectors.joining(",", "[", "]"));
	}

	private static String jsonString(String value) {
		StringBuilder text = new StringBuilder("\"");
		value.chars().forEach(c -> text.append(c < 0x20 || c == '"' || c == '\\' ? String.format("\\u%04x", c)
				: String.valueOf((char) c)));
		return text.append('"').toString();
	}

	/** The id as one path segment: every byte outside letters and digits percent-encoded. */
	private static String pathSegment(String id) {
		return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static List<String> tenThousandAddresses() {
		return IntStream.range(0, 10_000).mapToObj(i -> "10.0." + (i / 250) + "." + (i % 250 + 1)).toList();
	}

	/** A value the form keeps whole (it has no blank), so both answer with the same code. */
	private static Hostile same(String value, String code) {
		return new Hostile(printableLabel(value), value, List.of(value), code, List.of(new Rejected(code, value)));
	}

	/** A value with blanks: the API refuses it whole, the form judges each part. */
	private static Hostile split(String value, String apiCode, Rejected... parts) {
		return new Hostile(printableLabel(value), value, List.of(value), apiCode, Arrays.asList(parts));
	}

	private static String printableLabel(String value) {
		return InvalidValueException.printable(value);
	}

	/** Records every command the panel runs, to prove that none carried a hostile value. */
	@TestConfiguration
	static class RecordCommands {

		@Bean
		static BeanPostProcessor recordingCommandRunner() {
			return CommandRunnerDecorator.wrapping(runner -> (command, extraTime) -> {
				commands.add(List.copyOf(command));
				return runner.run(command, extraTime);
			});
		}

	}

}
