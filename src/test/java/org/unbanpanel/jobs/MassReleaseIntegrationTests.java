package org.unbanpanel.jobs;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.unbanpanel.audit.AuditAction;
import org.unbanpanel.audit.AuditFilter;
import org.unbanpanel.audit.AuditTrail;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.testsupport.Await;
import org.unbanpanel.testsupport.Fail2banServer;
import org.unbanpanel.testsupport.PanelApplication;
import org.unbanpanel.testsupport.WithRealTools;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 item 6 against the real private fail2ban-server with 20,000 bans (an action that runs no command, so that
 * they are set up in seconds): the release of {@code 10.0.0.0/9, 10.128.0.0/9, 2001:db8::/33, 2001:db8:8000::/33}
 * (halves, as the red team sent them) in one {@code unban} call that crosses a short command timeout: the client is
 * killed while fail2ban goes on releasing. The job must end with every release reported and audited, not with the
 * values "not banned"; and with the shipped split the same release never reaches the timeout.
 */
@WithRealTools(fail2ban = WithRealTools.Fail2banSetUp.SILENT_ACTIONS)
class MassReleaseIntegrationTests {

	private static final int PER_FAMILY = 10_000;

	private static final Duration PATIENCE = Duration.ofMinutes(5);

	private static final List<String> HALVES = List.of("10.0.0.0/9", "10.128.0.0/9", "2001:db8::/33",
			"2001:db8:8000::/33");

	private final Fail2banServer server;

	private final Path dataDirectory = Path.of("target", "test-data", UUID.randomUUID().toString()).toAbsolutePath();

	MassReleaseIntegrationTests(Fail2banServer server) {
		this.server = server;
	}

	@AfterEach
	void releaseEverything() {
		server.unbanAll();
	}

	@Test
	void reportsAndAuditsEveryReleaseOfAnUnbanThatCrossedTheTimeout() throws InterruptedException {
		banTwentyThousand();
		// one call for all 20,000 entries, with no time added for them: it cannot finish within 1 s (a CI run saw it finish
		// within 3 s, a loaded machine took over 10 s)
		try (ConfigurableApplicationContext panel = PanelApplication.start(server, dataDirectory,
				"--panel.commands.timeout=1s", "--panel.fail2ban.unban-batch=20000",
				"--panel.fail2ban.unban-time-per-entry=0s")) {
			JobView job = releaseTheHalves(panel);

			assertThat(job.attempts()).as("the killed client made it wait and read again").isGreaterThan(1);
			assertReleasedAndAudited(panel, job);
		}
	}

	@Test
	void splitsTheSameReleaseIntoCallsThatFinishWithinTheTimeout() throws InterruptedException {
		banTwentyThousand();
		try (ConfigurableApplicationContext panel = PanelApplication.start(server, dataDirectory,
				"--panel.commands.timeout=3s")) {
			JobView job = releaseTheHalves(panel);

			assertThat(job.attempts()).as("no call reached the timeout").isEqualTo(1);
			assertReleasedAndAudited(panel, job);
		}
	}

	private JobView releaseTheHalves(ConfigurableApplicationContext panel) throws InterruptedException {
		JobService jobs = panel.getBean(JobService.class);
		long id = jobs.submit(new ReleaseRequest(HALVES.stream().map(BanTarget::parse).toList(), List.of()), "alice",
				"203.0.113.1");
		return Jobs.awaitFinished(jobs, id, PATIENCE);
	}

	private void assertReleasedAndAudited(ConfigurableApplicationContext panel, JobView job)
			throws InterruptedException {
		assertThat(job.state()).as(job.failure() + "").isEqualTo(JobState.DONE);
		assertThat(job.items()).extracting(ItemView::value).containsExactlyElementsOf(HALVES);
		assertThat(job.items()).allSatisfy(item -> {
			assertThat(item.state()).isEqualTo(ItemState.UNBANNED);
			assertThat(item.inside()).hasSize(PER_FAMILY / 2)
				.extracting(JailEntry::jail)
				.containsOnly(item.value().contains(":") ? "dovecot" : "sshd");
		});
		AuditTrail audit = panel.getBean(AuditTrail.class);
		AuditFilter releases = new AuditFilter("alice", null, null, null);
		Await.until("one audit entry per released ban", PATIENCE,
				() -> audit.find(releases, 1, 1).total() >= 2 * PER_FAMILY + HALVES.size());
		assertThat(audit.find(new AuditFilter(null, "10.0.7.77", null, null), 1, 10).events()).singleElement()
			.satisfies(event -> {
				assertThat(event.action()).isEqualTo(AuditAction.UNBANNED);
				assertThat(event.jail()).isEqualTo("sshd");
				assertThat(event.requested()).isEqualTo("10.0.0.0/9");
			});
		assertThat(audit.find(releases, 1, 1).total()).isEqualTo(2 * PER_FAMILY + HALVES.size());
		assertThat(Fail2banServer.JAILS).allSatisfy(jail -> assertThat(server.bannedIn(jail)).isEmpty());
	}

	/** 10,000 IPv4 addresses in sshd, half in each /9, and 10,000 IPv6 ones in dovecot, half in each /33. */
	private void banTwentyThousand() {
		List<String> ipv4 = new ArrayList<>();
		List<String> ipv6 = new ArrayList<>();
		IntStream.range(0, PER_FAMILY / 2).forEach(i -> {
			ipv4.add("10.0." + (i / 256) + "." + (i % 256));
			ipv4.add("10.200." + (i / 256) + "." + (i % 256));
			ipv6.add("2001:db8::" + Integer.toHexString(i + 1));
			ipv6.add("2001:db8:ffff::" + Integer.toHexString(i + 1));
		});
		for (int from = 0; from < PER_FAMILY; from += 2000) {
			server.ban("sshd", ipv4.subList(from, from + 2000).toArray(String[]::new));
			server.ban("dovecot", ipv6.subList(from, from + 2000).toArray(String[]::new));
		}
		assertThat(server.bannedIn("sshd")).hasSize(PER_FAMILY);
	}

}
