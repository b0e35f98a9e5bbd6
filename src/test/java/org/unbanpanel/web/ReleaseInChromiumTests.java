package org.unbanpanel.web;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.unbanpanel.testsupport.Chromium;
import org.unbanpanel.testsupport.Fail2banServer;
import org.unbanpanel.testsupport.PamLockout;
import org.unbanpanel.testsupport.PanelOnRealTools;
import org.unbanpanel.testsupport.RealTools;
import org.unbanpanel.testsupport.TestPanel;
import org.unbanpanel.testsupport.WithChromium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unbanpanel.testsupport.Messages.text;

/**
 * An admin at the panel in a real browser (Debian's Chromium, headless), on the private fail2ban-server and a real
 * PAM lockout: signs in, releases an address two jails hold and a locked account in English, Spanish and Catalan,
 * watches the job page finish by itself and sees the jail's page without the address; and the page details the
 * walk-through found wrong.
 */
@PanelOnRealTools(users = { "alice", "ADMIN" })
@WithChromium
class ReleaseInChromiumTests {

	private final RealTools tools;

	private Chromium chromium;

	ReleaseInChromiumTests(RealTools tools) {
		this.tools = tools;
	}

	@BeforeEach
	void atDesktopWidth(Chromium chromium) {
		this.chromium = chromium.desktop();
	}

	@Test
	void signsInAndLandsOnThePageAskedForWithoutAnythingAdded() {
		chromium.driver().manage().deleteAllCookies();
		chromium.open("/jails");
		assertThat(chromium.path()).isEqualTo("/login");

		chromium.signIn("alice", TestPanel.PASSWORD);

		assertThat(chromium.path()).isEqualTo("/jails");
		assertThat(chromium.find(".who").getTagName()).as("the user name is no hidden link").isEqualTo("span");
		assertThat(chromium.find(".who").getText()).isEqualTo(text("en", "menu.signedInAs", "alice"));
		assertThat(chromium.all("nav.menu a").stream().map(WebElement::getText)).as("the menu, in order")
			.containsExactly(text("en", "menu.unblock"), text("en", "menu.lookup"), text("en", "menu.trusts"),
					text("en", "menu.links"), text("en", "menu.jails"), text("en", "menu.accounts"), text("en", "menu.jobs"),
					text("en", "menu.hosts"), text("en", "menu.notices"), text("en", "menu.audit"), text("en", "menu.account"));
	}

	@Test
	void takesAndShowsTheAuditsDaysAsIsoDatesInEveryLanguage() {
		signedIn();
		chromium.open("/audit?lang=ca");
		assertThat(chromium.field("from").getAttribute("type")).as("no date picker in the browser's own order")
			.isEqualTo("text");
		assertThat(chromium.find("#from-hint").getText()).isEqualTo(text("ca", "audit.from.hint"));

		chromium.field("from").sendKeys("2026-11-25");
		chromium.field("to").sendKeys("2099-12-31");
		chromium.follow("form.filters button[type='submit']");

		assertThat(chromium.path()).contains("from=2026-11-25").contains("to=2099-12-31");
		assertThat(chromium.field("from").getAttribute("value")).isEqualTo("2026-11-25");
		assertThat(chromium.all("ul.errors")).isEmpty();
		chromium.open("/audit?lang=en");
	}

	@ParameterizedTest
	@CsvSource({ "en, 203.0.113.7", "es, 203.0.113.8", "ca, 203.0.113.9" })
	void releasesAnAddressHeldByTwoJailsAndAnAccountAndWatchesTheJobFinish(String language, String address) {
		tools.fail2ban().ban("dovecot", address);
		tools.fail2ban().ban("sasl", address);
		tools.pam().lockOut();
		signedIn();
		chromium.follow("footer a[hreflang='" + language + "']");
		assertThat(chromium.find("html").getAttribute("lang")).isEqualTo(language);

		chromium.follow("nav.menu a[href='/system/unblock']");
		assertThat(chromium.find("label[for='ips']").getText()).isEqualTo(text(language, "unblock.ips"));
		assertThat(chromium.find("label[for='accounts']").getText()).isEqualTo(text(language, "unblock.accounts"));
		chromium.field("ips").sendKeys(address);
		chromium.field("accounts").sendKeys(tools.pam().user());
		chromium.follow("form[action='/system/unblock'] button[type='submit']");

		assertThat(chromium.path()).matches("/jobs/\\d+");
		long job = Long.parseLong(chromium.path().substring("/jobs/".length()));
		assertThat(chromium.find(".banner.ok").getText()).isEqualTo(text(language, "unblock.queued", job, 2));
		String done = text(language, "job.state.DONE");
		chromium.await(browser -> chromium.find("h1 + p .state").getText().equals(done));
		List<String> lines = chromium.all("ul.results > li").stream().map(WebElement::getText).toList();
		assertThat(lines).hasSize(2);
		String why = " " + text(language, "job.item.why");
		assertThat(lines.get(0)).as("with the link to why it was banned")
			.isIn(address + " " + text(language, "job.item.UNBANNED", "dovecot, sasl") + why,
					address + " " + text(language, "job.item.UNBANNED", "sasl, dovecot") + why);
		assertThat(lines.get(1))
			.isEqualTo(tools.pam().user() + ": " + text(language, "job.item.CLEARED", PamLockout.DENY));
		chromium.screenshot("job-" + language);

		chromium.open("/jails/dovecot");
		assertThat(chromium.find("h1").getText()).isEqualTo(text(language, "jail.title", "dovecot"));
		assertThat(chromium.text()).doesNotContain(address);
		for (String jail : Fail2banServer.JAILS) {
			assertThat(tools.fail2ban().bannedIn(jail)).doesNotContain(address);
		}
		chromium.follow("footer a[hreflang='en']");
	}

	@Test
	void offersTheWideRangeConfirmationOnlyWhileATrustIsChosen() {
		signedIn();
		chromium.open("/system/unblock");
		WebElement confirmation = chromium.field("confirm-wide");
		assertThat(confirmation.isDisplayed()).as("shown with no trust chosen").isFalse();

		new Select(chromium.field("trust")).selectByValue("12h");
		assertThat(confirmation.isDisplayed()).isTrue();

		new Select(chromium.field("trust")).selectByValue("none");
		assertThat(confirmation.isDisplayed()).isFalse();
	}

	@Test
	void selectsEveryAddressOfAJailsPageAndSortsThemByAddressOrEnd() {
		tools.fail2ban().ban("apache", "198.51.100.20", "10.0.0.3", "192.0.2.1");
		signedIn();
		chromium.open("/jails/apache");
		chromium.follow("th a[href*='sort=address']");
		assertThat(addresses()).containsExactly("10.0.0.3", "192.0.2.1", "198.51.100.20");
		assertThat(chromium.find("th[aria-sort='ascending'] a").getText()).isEqualTo(text("en", "jail.address"));

		chromium.field("select-all").click();
		assertThat(chromium.all("input[name='address']")).allMatch(WebElement::isSelected);
		chromium.field("select-all").click();
		assertThat(chromium.all("input[name='address']")).noneMatch(WebElement::isSelected);

		chromium.follow("th a[href*='sort=end']");
		assertThat(chromium.path()).contains("sort=end");
		assertThat(addresses()).containsExactlyInAnyOrder("10.0.0.3", "192.0.2.1", "198.51.100.20");
	}

	@Test
	void leavesTheAddressOfAJailsPageAfterARefusedRelease() {
		tools.fail2ban().ban("mxcp", "192.0.2.77");
		signedIn();
		chromium.open("/jails/mxcp");

		chromium.follow("button[form='unban']");

		assertThat(chromium.path()).startsWith("/jails/mxcp?");
		assertThat(chromium.find(".banner.error").getText()).isEqualTo(text("en", "jails.unban.nothing"));
		chromium.driver().navigate().refresh();
		assertThat(chromium.path()).startsWith("/jails/mxcp?");
		assertThat(chromium.all(".banner.error")).as("a reload posts nothing again").isEmpty();
	}

	@Test
	void foldsTheMenuIntoOneLineOnAPhoneAndOpensIt() {
		signedIn();
		chromium.phone().open("/jobs");
		WebElement toggle = chromium.find("button.menu-toggle");
		assertThat(toggle.isDisplayed()).isTrue();
		assertThat(chromium.find("header.top").getRect().getHeight()).as("the header is one line").isLessThan(70);
		assertThat(chromium.find("nav.menu a[href='/jails']").isDisplayed()).isFalse();

		toggle.click();

		assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
		assertThat(chromium.find("nav.menu a[href='/trusts']").isDisplayed()).isTrue();
		assertThat(chromium.find("nav.menu a[href='/account/totp']").getText()).isEqualTo(text("en", "menu.account"));
		chromium.desktop();
	}

	private List<String> addresses() {
		return chromium.all("table.bans td.value label").stream().map(WebElement::getText).toList();
	}

	private void signedIn() {
		chromium.open("/system/unblock");
		if (chromium.path().startsWith("/login")) {
			chromium.signIn("alice", TestPanel.PASSWORD);
		}
		chromium.driver().findElement(By.cssSelector("nav.menu"));
	}

}
