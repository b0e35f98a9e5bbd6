package org.unbanpanel.accounts;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.unbanpanel.testsupport.PamLockout;
import org.unbanpanel.testsupport.PanelBrowser;
import org.unbanpanel.testsupport.PanelOnRealTools;
import org.unbanpanel.testsupport.RealTools;
import org.unbanpanel.testsupport.TestPanel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The locked-accounts page over HTTP against a real PAM lockout: the locked-out user is listed with the failure count
 * and source faillock recorded, in the page and in the JSON, and the page's reset button lets the right password in
 * again.
 */
@PanelOnRealTools(users = { "alice", "ADMIN" })
class AccountsFlowIntegrationTests {

	private final RealTools tools;

	AccountsFlowIntegrationTests(RealTools tools) {
		this.tools = tools;
	}

	@Test
	void listsTheLockedOutUserWithCountAndSourceAndItsResetLetsTheRightPasswordIn() throws Exception {
		tools.pam().lockOut();
		assertThat(tools.pam().authenticate(tools.pam().password())).as("locked out before the reset").isFalse();
		PanelBrowser browser = tools.browser();
		browser.signIn("alice", TestPanel.PASSWORD);

		String row = rowOf(browser.get("/accounts").body(), tools.pam().user());
		assertThat(row).contains("<td data-label=\"Failures\">" + PamLockout.DENY + "</td>").contains(PamLockout.RHOST);
		assertThat(apiAccounts()).containsPattern("\\{\"user\":\"" + tools.pam().user() + "\",\"failures\":" + PamLockout.DENY
				+ ",\"lastFailure\":\"[0-9T:.-]+\",\"source\":\"" + PamLockout.RHOST + "\"}");

		HttpResponse<String> posted = browser.post("/accounts/reset", Map.of("user", tools.pam().user()));

		assertThat(posted.statusCode()).isEqualTo(302);
		String jobPage = PanelBrowser.redirectPath(posted);
		assertThat(jobPage).matches("/jobs/\\d+");
		assertThat(browser.awaitFinished(jobPage)).contains(tools.pam().user())
			.contains(PamLockout.DENY + " failed logins cleared");
		assertThat(browser.get("/accounts").body()).doesNotContain(tools.pam().user())
			.contains("No account has failed logins.");
		assertThat(apiAccounts()).doesNotContain(tools.pam().user());
		assertThat(tools.pam().authenticate(tools.pam().password())).as("the account authenticates again").isTrue();
	}

	/** The table row of one user on the page. */
	private static String rowOf(String page, String user) {
		Matcher row = Pattern.compile("<tr>(?:(?!</tr>).)*>" + user + "<(?:(?!</tr>).)*</tr>", Pattern.DOTALL)
			.matcher(page);
		assertThat(row.find()).as("a row for %s in%n%s", user, page).isTrue();
		return row.group();
	}

	private String apiAccounts() throws IOException, InterruptedException {
		String credentials = Base64.getEncoder()
			.encodeToString(("alice:" + TestPanel.PASSWORD).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(tools.uri("/api/v1/accounts"))
			.header("Authorization", "Basic " + credentials)
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

}
