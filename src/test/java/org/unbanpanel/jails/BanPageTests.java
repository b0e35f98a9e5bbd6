package org.unbanpanel.jails;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.unbanpanel.fail2ban.Ban;
import org.unbanpanel.fail2ban.BanList;

import static org.assertj.core.api.Assertions.assertThat;

class BanPageTests {

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	/** 2026-11-25 12:00 in Berlin. */
	static final Instant NOW = Instant.parse("2026-11-25T11:00:00Z");

	static final LocalDateTime NOW_LOCAL = LocalDateTime.parse("2026-11-25T12:00:00");

	@Test
	void showsTheEndInTheServersZoneAndTheTimeLeft() {
		Ban ban = ban("203.0.113.7", LocalDateTime.parse("2026-11-25T10:00:00"), Duration.ofHours(5).plusMinutes(12));

		BanRow row = page(List.of(ban), BanQuery.of("", 1, 50), NOW, BERLIN).bans().get(0);

		assertThat(row.start()).isEqualTo(OffsetDateTime.parse("2026-11-25T10:00:00+01:00"));
		assertThat(row.end()).isEqualTo(OffsetDateTime.parse("2026-11-25T15:12:00+01:00"));
		assertThat(row.remainingSeconds()).isEqualTo(Duration.ofHours(3).plusMinutes(12).toSeconds());
		assertThat(row.permanent()).isFalse();
		assertThat(row.ending()).isFalse();
	}

	@Test
	void showsAPermanentBanWithoutEnd() {
		Ban ban = new Ban("203.0.113.7", LocalDateTime.parse("2026-11-25T10:00:00"), Duration.ofSeconds(-1),
				LocalDateTime.parse("9999-12-31T23:59:59"));

		BanRow row = page(List.of(ban), BanQuery.of("", 1, 50), NOW, BERLIN).bans().get(0);

		assertThat(row.permanent()).isTrue();
		assertThat(row.end()).isNull();
	}

	@Test
	void marksABanWhoseEndHasPassedAsEnding() {
		Ban ban = ban("203.0.113.7", LocalDateTime.parse("2026-11-25T10:00:00"), Duration.ofHours(1));

		BanRow row = page(List.of(ban), BanQuery.of("", 1, 50), NOW, BERLIN).bans().get(0);

		assertThat(row.ending()).isTrue();
		assertThat(row.remainingSeconds()).isZero();
	}

	@Test
	void cutsPagesOfTheMatchingBansOrderedByEnd() {
		List<Ban> bans = new ArrayList<>();
		for (int i = 0; i < 120; i++) {
			bans.add(ban("10.0.0." + i, LocalDateTime.parse("2026-11-25T12:00:00"), Duration.ofMinutes(i)));
		}

		BanPage second = page(bans, BanQuery.of("", 2, 50), NOW, BERLIN);

		assertThat(second.bans()).extracting(BanRow::address).startsWith("10.0.0.50").endsWith("10.0.0.99").hasSize(50);
		assertThat(second.matching()).isEqualTo(120);
		assertThat(second.held()).isEqualTo(120);
		assertThat(second.pages()).isEqualTo(3);
		assertThat(second.hasPrevious()).isTrue();
		assertThat(second.hasNext()).isTrue();
	}

	@Test
	void showsTheLastPageForAPageBeyondIt() {
		List<Ban> bans = List.of(ban("10.0.0.1", LocalDateTime.parse("2026-11-25T12:00:00"), Duration.ofHours(1)));

		BanPage page = page(bans, BanQuery.of("", 9, 50), NOW, BERLIN);

		assertThat(page.page()).isEqualTo(1);
		assertThat(page.bans()).hasSize(1);
		assertThat(page.hasNext()).isFalse();
		assertThat(page.hasPrevious()).isFalse();
	}

	@Test
	void ordersByEndWhateverOrderItIsGivenIn() {
		LocalDateTime start = LocalDateTime.parse("2026-11-25T12:00:00");
		List<Ban> bans = List.of(ban("10.0.0.3", start, Duration.ofHours(3)), ban("10.0.0.1", start, Duration.ofHours(1)),
				ban("10.0.0.2", start, Duration.ofHours(2)));

		assertThat(page(bans, BanQuery.of("", 1, 50), NOW, BERLIN).bans()).extracting(BanRow::address)
			.containsExactly("10.0.0.1", "10.0.0.2", "10.0.0.3");
	}

	@Test
	void countsOnlyTheBansTheFilterKeeps() {
		LocalDateTime start = LocalDateTime.parse("2026-11-25T12:00:00");
		List<Ban> bans = List.of(ban("203.0.113.7", start, Duration.ofHours(1)),
				ban("198.51.100.9", start, Duration.ofHours(2)), ban("203.0.114.1", start, Duration.ofHours(3)));

		BanPage page = page(bans, BanQuery.of(" 203.0.113.0/24 ", 1, 50), NOW, BERLIN);

		assertThat(page.bans()).extracting(BanRow::address).containsExactly("203.0.113.7");
		assertThat(page.matching()).isEqualTo(1);
		assertThat(page.held()).isEqualTo(3);
		assertThat(page.filter()).isEqualTo("203.0.113.0/24");
	}

	@Test
	void countsTheUnreadableEntriesAndShowsTheFirstOnesEscaped() {
		List<String> unreadable = new ArrayList<>(List.of("x\ny", "esc\u001b[31m"));
		for (int i = 0; i < 30; i++) {
			unreadable.add("more\n" + i);
		}

		BanPage page = BanPage.of("sasl", new BanList(List.of(ban("203.0.113.7", NOW_LOCAL, Duration.ofHours(1))),
				unreadable), BanQuery.of("", 1, 50), NOW, BERLIN, null);

		assertThat(page.held()).isEqualTo(1);
		assertThat(page.unreadableCount()).isEqualTo(32);
		assertThat(page.unreadable()).hasSize(BanPage.UNREADABLE_SHOWN).startsWith("x\\u000ay", "esc\\u001b[31m");
	}

	@Test
	void bringsQueryValuesIntoRange() {
		assertThat(BanQuery.of(null, 0, 0)).isEqualTo(new BanQuery("", 1, 1, BanQuery.Sort.END));
		assertThat(BanQuery.of("x", 3, 100_000, "address"))
			.isEqualTo(new BanQuery("x", 3, BanQuery.MAX_SIZE, BanQuery.Sort.ADDRESS));
		assertThat(BanQuery.of("x", 1, 50, "nonsense").sort()).isEqualTo(BanQuery.Sort.END);
	}

	private static BanPage page(List<Ban> bans, BanQuery query, Instant now, ZoneId zone) {
		return BanPage.of("sshd", new BanList(bans, List.of()), query, now, zone, null);
	}

	static Ban ban(String address, LocalDateTime start, Duration banTime) {
		return new Ban(address, start, banTime, start.plus(banTime));
	}

}
