package org.unbanpanel.links;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.unbanpanel.testsupport.FixedClock;
import org.unbanpanel.testsupport.PanelBrowser;

import static org.assertj.core.api.Assertions.assertThat;

/** Links for the module's tests. */
final class Links {

	private Links() {
	}

	private static final Pattern URL = Pattern.compile("<code class=\"link-url\">([^<]+)</code>");

	/** A link made through the pages: its number and the path of its public page. */
	record Made(long id, String path) {
	}

	/** Makes a one-use link for these jails (comma-separated) through the form, as the signed-in admin. */
	static Made make(PanelBrowser admin, String note, String jails) {
		admin.get("/links/new");
		HttpResponse<String> made = admin.post("/links",
				Map.of("note", note, "jails", jails, "hours", "24", "uses", "1", "trust", "none"));
		String linkPage = PanelBrowser.redirectPath(made);
		assertThat(linkPage).matches("/links/\\d+");
		Matcher url = URL.matcher(admin.get(linkPage).body());
		assertThat(url.find()).as("the link's page shows its URL once").isTrue();
		return new Made(Long.parseLong(linkPage.substring("/links/".length())), URI.create(url.group(1)).getPath());
	}

	/** An active one-use link for dovecot, made an hour before {@link FixedClock#NOW}, valid for 24 hours. */
	static ReleaseLink forDovecot(long id) {
		Instant made = FixedClock.NOW.minus(Duration.ofHours(1));
		return new ReleaseLink(id, "Office Gràcia, fix Thunderbird", List.of("dovecot"), false, Duration.ZERO, 1, 0,
				made, "alice", made.plus(Duration.ofHours(24)), null, null);
	}

}
