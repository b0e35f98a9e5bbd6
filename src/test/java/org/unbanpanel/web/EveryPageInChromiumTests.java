package org.unbanpanel.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.unbanpanel.testsupport.Await;
import org.unbanpanel.testsupport.Chromium;
import org.unbanpanel.testsupport.PanelBrowser;
import org.unbanpanel.testsupport.PanelOnRealTools;
import org.unbanpanel.testsupport.RealTools;
import org.unbanpanel.testsupport.TestPanel;
import org.unbanpanel.testsupport.WebhookReceiver;
import org.unbanpanel.testsupport.WithWebhookReceiver;
import org.unbanpanel.testsupport.WithChromium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unbanpanel.testsupport.Messages.text;

/**
 * Every page of the panel, with something on it (bans in several jails, a locked account, finished jobs, a trust,
 * audit events, a released address banned again and its notice), in a real browser at desktop width and as a 390×844 phone: nothing reaches out of the viewport or
 * runs into its neighbour, axe-core finds no serious or critical WCAG 2.1 A/AA violation, every form field has a
 * label, the menu is reachable by keyboard, and a job line's state is said by a mark and words, never by colour
 * alone. The screenshots of every page at both widths are left in {@code target/screenshots/}.
 */
@WithWebhookReceiver
@PanelOnRealTools(users = { "alice", "ADMIN" })
@WithChromium
class EveryPageInChromiumTests {

	private static final String OFFICE = "203.0.113.7";

	/** The job with a line of each state, once the first test has put something on every page. */
	private static String jobPage;

	/** A release link's page for admins, and its public page. */
	private static String linkPage;

	private static String releasePage;

	private final RealTools tools;

	/** Receives the notice of the new ban, so that the notices page has one. */
	private final WebhookReceiver receiver;

	private Chromium chromium;

	EveryPageInChromiumTests(RealTools tools, WebhookReceiver receiver) {
		this.receiver = receiver;
		this.tools = tools;
	}

	@BeforeEach
	void putSomethingOnEveryPage(Chromium chromium) throws InterruptedException {
		this.chromium = chromium;
		if (jobPage != null) {
			return;
		}
		tools.fail2ban().ban("dovecot", OFFICE, "198.51.100.23", "2001:db8:85a3::8a2e:370:7334", "192.0.2.0/24");
		tools.fail2ban().ban("sasl", OFFICE, "198.51.100.42");
		tools.fail2ban().ban("sshd", "198.51.100.5");
		PanelBrowser http = tools.browser();
		http.signIn("alice", TestPanel.PASSWORD);
		http.get("/system/unblock");
		http.awaitFinished(PanelBrowser.redirectPath(
				http.post("/system/unblock", Map.of("ips", "198.51.100.42", "trust", "12h", "accounts", ""))));
		tools.pam().lockOut();
		http.get("/system/unblock");
		jobPage = PanelBrowser.redirectPath(http.post("/system/unblock",
				Map.of("ips", "198.51.100.5, 192.0.2.200", "accounts", tools.pam().user())));
		http.awaitFinished(jobPage);
		tools.pam().lockOut();
		Await.until("the released addresses to be watched", Duration.ofSeconds(10),
				() -> http.get(jobPage).body().contains("watched for a new ban until"));
		tools.fail2ban().failLogins("sshd", "198.51.100.5");
		Await.until("the job's page to show the new ban and the notice to be sent", Duration.ofSeconds(30),
				() -> http.get(jobPage).body().contains("was banned again") && receiver.received() > 0);
		makeReleaseLink(http);
	}

	/** A link for dovecot with a use by the test, whose address dovecot holds: its page offers the button. */
	private void makeReleaseLink(PanelBrowser http) throws InterruptedException {
		tools.fail2ban().ban("dovecot", "127.0.0.1");
		http.get("/links/new");
		linkPage = PanelBrowser.redirectPath(http.post("/links",
				Map.of("note", "Office Gràcia", "jails", "dovecot", "hours", "24", "uses", "2", "trust", "1h")));
		Matcher url = Pattern.compile("<code class=\"link-url\">[^<]*(/release/[^<]+)</code>")
			.matcher(http.get(linkPage).body());
		assertThat(url.find()).isTrue();
		releasePage = url.group(1);
		PanelBrowser visitor = tools.browser();
		visitor.get(releasePage);
		visitor.awaitFinished(PanelBrowser.redirectPath(visitor.post(releasePage, Map.of())));
		tools.fail2ban().ban("dovecot", "127.0.0.1");
	}

	@Test
	@SuppressWarnings("unchecked")
	void everyPageFitsAPhoneWithoutSidewaysScrollingOrHiddenColumnsAndWithoutSeriousAccessibilityViolations() {
		chromium.phone();
		Map<String, List<String>> found = onEveryPage(page -> {
			chromium.screenshot(page + "-phone");
			assertThat(chromium.viewportWidth()).isEqualTo(Chromium.PHONE_WIDTH);
			List<String> problems = new ArrayList<>(chromium.overflowing());
			problems.addAll((List<String>) chromium.script("""
					return [...document.querySelectorAll('table.stack td')]
					  .filter((cell) => cell.getBoundingClientRect().height < 1)
					  .map((cell) => 'a hidden column: ' + cell.dataset.label);"""));
			problems.addAll(chromium.accessibilityViolations());
			return problems;
		});
		chromium.desktop();
		assertThat(found).as("at 390x844").allSatisfy((page, problems) -> assertThat(problems).isEmpty());
	}

	@Test
	@SuppressWarnings("unchecked")
	void everyPageAtDesktopWidthHasNoSeriousAccessibilityViolationAndEveryFieldALabel() {
		chromium.desktop();
		Map<String, List<String>> found = onEveryPage(page -> {
			chromium.screenshot(page + "-desktop");
			List<String> problems = new ArrayList<>(chromium.accessibilityViolations());
			problems.addAll((List<String>) chromium.script("""
					return [...document.querySelectorAll('input, select, textarea')]
					  .filter((field) => field.type !== 'hidden' && !field.hidden)
					  .filter((field) => field.labels.length === 0 && !field.getAttribute('aria-label'))
					  .map((field) => 'no label: ' + field.outerHTML);"""));
			return problems;
		});
		assertThat(found).as("at desktop width").allSatisfy((page, problems) -> assertThat(problems).isEmpty());
	}

	@Test
	void reachesEveryMenuEntryByKeyboardOnADesktopAndAPhone() {
		chromium.desktop().open("/jobs");
		List<String> desktop = tabThrough(24);
		assertThat(desktop).containsSubsequence("#content", "/system/unblock", "/lookup", "/trusts", "/links", "/jails",
				"/accounts", "/jobs", "/hosts", "/notices", "/audit", "/account/totp", "sign-out");

		chromium.phone().open("/jobs");
		List<String> folded = tabThrough(3);
		assertThat(folded).containsSubsequence("#content", "menu-toggle");
		new Actions(chromium.driver()).sendKeys(Keys.ENTER).perform();
		List<String> opened = tabThrough(14);
		assertThat(opened).containsSubsequence("/system/unblock", "/lookup", "/trusts", "/links", "/jails", "/accounts",
				"/jobs", "/hosts", "/notices", "/audit", "/account/totp", "sign-out");
		chromium.desktop();
	}

	@Test
	void saysAJobLinesStateByAMarkAndWordsNotByColourAlone() {
		chromium.desktop().open(jobPage);
		List<WebElement> lines = chromium.all("ul.results > li");
		assertThat(lines).hasSize(3);
		Map<String, String> markByState = new LinkedHashMap<>();
		for (WebElement line : lines) {
			String mark = (String) chromium.script("return getComputedStyle(arguments[0], '::before').content", line);
			assertThat(mark).as("the mark before " + line.getText()).isNotIn("none", "normal", "\"\"");
			markByState.merge(line.getAttribute("class"), mark, (one, other) -> one);
		}
		assertThat(lines.get(0).getText()).as("with the link to why it was banned")
			.endsWith(text("en", "job.item.UNBANNED", "sshd") + " " + text("en", "job.item.why"));
		assertThat(lines.get(1).getText()).as("an address inside the banned network 192.0.2.0/24")
			.startsWith("192.0.2.200 " + text("en", "job.item.FAILED", ""));
		assertThat(lines.get(2).getText()).endsWith(text("en", "job.item.CLEARED", 3));
		assertThat(markByState).containsOnlyKeys("item-ok", "item-failed");
		assertThat(markByState.get("item-ok")).isNotEqualTo(markByState.get("item-failed"));
		assertThat(chromium.find("h1 + p .state").getText()).isEqualTo(text("en", "job.state.PARTLY_DONE"));
	}

	/** The element focused after each of so many presses of Tab from the top: its link, id or class. */
	private List<String> tabThrough(int presses) {
		chromium.script("document.activeElement.blur(); window.scrollTo(0, 0);");
		List<String> focused = new ArrayList<>();
		for (int press = 0; press < presses; press++) {
			new Actions(chromium.driver()).sendKeys(Keys.TAB).perform();
			focused.add((String) chromium.script("""
					const e = document.activeElement;
					if (e.matches('form[action="/logout"] button')) { return 'sign-out'; }
					return e.getAttribute('href') || (e.id ? '#' + e.id : '') || e.className;"""));
		}
		return focused;
	}

	/** What the check finds on each page, the sign-in page first (signed out), then each page signed in. */
	private Map<String, List<String>> onEveryPage(Function<String, List<String>> check) {
		Map<String, List<String>> found = new LinkedHashMap<>();
		chromium.driver().manage().deleteAllCookies();
		chromium.open("/login");
		found.put("login", check.apply("login"));
		chromium.signIn("alice", TestPanel.PASSWORD);
		Map<String, String> pages = new LinkedHashMap<>();
		pages.put("unblock", "/system/unblock");
		pages.put("lookup", "/lookup?ip=" + OFFICE + "&user=" + tools.pam().user());
		pages.put("trusts", "/trusts");
		pages.put("links", "/links");
		pages.put("link-new", "/links/new");
		pages.put("link", linkPage);
		pages.put("release", releasePage);
		pages.put("jails", "/jails");
		pages.put("jail", "/jails/dovecot");
		pages.put("jail-rules", "/jails/dovecot/rules");
		pages.put("evidence", "/evidence?jail=dovecot&ip=" + OFFICE);
		pages.put("unknown-jail", "/jails/nosuch");
		pages.put("unknown-host", "/jails/dovecot?host=nosuch");
		pages.put("accounts", "/accounts");
		pages.put("jobs", "/jobs");
		pages.put("job", jobPage);
		pages.put("hosts", "/hosts");
		pages.put("notices", "/notices");
		pages.put("rebanned", "/lookup?ip=198.51.100.5");
		pages.put("audit", "/audit");
		pages.put("two-step", "/account/totp");
		pages.put("error", "/jobs/999999999");
		pages.forEach((page, path) -> {
			chromium.open(path);
			found.put(page, check.apply(page));
		});
		return found;
	}

}
