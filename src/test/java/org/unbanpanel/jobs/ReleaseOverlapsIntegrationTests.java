package org.unbanpanel.jobs;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.unbanpanel.audit.AuditAction;
import org.unbanpanel.audit.AuditEvent;
import org.unbanpanel.audit.AuditFilter;
import org.unbanpanel.audit.AuditTrail;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.testsupport.Await;
import org.unbanpanel.testsupport.Fail2banServer;
import org.unbanpanel.testsupport.PanelOnRealTools;
import org.unbanpanel.testsupport.RealTools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Issue 9's overlaps against the real private fail2ban-server, through the whole panel: each test asserts the job's
 * data, the audit entries (one per released ban) and what fail2ban holds afterwards. The bans of the issue:
 * {@code 198.51.100.0/24} in sshd, {@code 198.51.100.7} in sshd, dovecot and sasl, {@code 198.51.100.20} in apache.
 */
@PanelOnRealTools(users = { "alice", "ADMIN" }, pam = false)
class ReleaseOverlapsIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private final Fail2banServer fail2ban;

	@Autowired
	private JobService jobs;

	@Autowired
	private AuditTrail audit;

	ReleaseOverlapsIntegrationTests(RealTools tools) {
		this.fail2ban = tools.fail2ban();
	}

	@AfterEach
	void releaseEverything() {
		fail2ban.unbanAll();
	}

	/** Released from its three jails, and named as still blocked by the network in sshd: partly, not failed. */
	@Test
	void releasesAnAddressFromItsJailsAndNamesTheNetworkInAnotherJailThatStillBlocksIt() throws InterruptedException {
		banTheIssuesAddresses();

		JobView job = release("198.51.100.7");

		assertThat(job.state()).isEqualTo(JobState.PARTLY_DONE);
		assertThat(job.items()).containsExactly(new ItemView("local", ItemKind.IP, "198.51.100.7", ItemState.PARTLY_UNBANNED,
				List.of("sshd", "dovecot", "sasl"), List.of(), List.of(new JailEntry("sshd", "198.51.100.0/24")),
				List.of(), 0, null));
		assertThat(audited(job, 4)).containsExactlyInAnyOrder(
				tuple(AuditAction.UNBANNED, "198.51.100.7", "sshd", null),
				tuple(AuditAction.UNBANNED, "198.51.100.7", "dovecot", null),
				tuple(AuditAction.UNBANNED, "198.51.100.7", "sasl", null),
				tuple(AuditAction.STILL_BLOCKED, "198.51.100.0/24", "sshd", "198.51.100.7"));
		assertThat(fail2ban.bannedIn("sshd")).containsExactly("198.51.100.0/24");
		assertThat(fail2ban.bannedIn("dovecot")).isEmpty();
		assertThat(fail2ban.bannedIn("sasl")).isEmpty();
		assertThat(fail2ban.bannedIn("apache")).containsExactly("198.51.100.20");
	}

	/** The network's release names the address inside it, in apache; the audit finds it by that address. */
	@Test
	void releasesANetworkAndNamesEveryBanInsideItInOtherJails() throws InterruptedException {
		banTheIssuesAddresses();

		JobView job = release("198.51.100.0/24");

		assertThat(job.state()).isEqualTo(JobState.DONE);
		assertThat(job.items()).singleElement().satisfies(item -> {
			assertThat(item.state()).isEqualTo(ItemState.UNBANNED);
			assertThat(item.jails()).containsExactly("sshd");
			assertThat(item.inside()).containsExactly(new JailEntry("sshd", "198.51.100.7"),
					new JailEntry("apache", "198.51.100.20"), new JailEntry("dovecot", "198.51.100.7"),
					new JailEntry("sasl", "198.51.100.7"));
		});
		assertThat(audited(job, 5)).contains(tuple(AuditAction.UNBANNED, "198.51.100.0/24", "sshd", null),
				tuple(AuditAction.UNBANNED, "198.51.100.20", "apache", "198.51.100.0/24"));
		assertThat(audit.find(new AuditFilter(null, "198.51.100.20", null, null), 1, 10).events())
			.extracting(AuditEvent::action, AuditEvent::jail, AuditEvent::requested)
			.containsExactly(tuple(AuditAction.UNBANNED, "apache", "198.51.100.0/24"));
		assertThat(Fail2banServer.JAILS).allSatisfy(jail -> assertThat(fail2ban.bannedIn(jail)).isEmpty());
	}

	/**
	 * An address inside a banned IPv6 /64: released from its own jails, blocked still by the /64; the release the job
	 * page then offers (the network, from its jail only) lifts that and nothing else.
	 */
	@Test
	void releasesAnIpv6AddressInsideABannedSlash64AndThenTheSlash64FromItsJail() throws InterruptedException {
		fail2ban.ban("sshd", "2001:db8:1:2::/64");
		fail2ban.ban("dovecot", "2001:db8:1:2::5", "2001:db8:1:2::/64");
		fail2ban.ban("mxcp", "2001:db8:1:2::5");

		JobView address = release("2001:db8:1:2::5");

		assertThat(address.items()).singleElement().satisfies(item -> {
			assertThat(item.state()).isEqualTo(ItemState.PARTLY_UNBANNED);
			assertThat(item.jails()).containsExactly("dovecot", "mxcp");
			assertThat(item.covering()).containsExactly(new JailEntry("sshd", "2001:db8:1:2::/64"),
					new JailEntry("dovecot", "2001:db8:1:2::/64"));
		});

		JobView network = release(new ReleaseRequest(List.of(BanTarget.parse("2001:db8:1:2::/64")), List.of(),
				Duration.ZERO, List.of("sshd")));

		assertThat(network.items()).containsExactly(
				new ItemView("local", ItemKind.IP, "2001:db8:1:2::/64", ItemState.UNBANNED, List.of("sshd"), 0, null));
		assertThat(audited(network, 1)).containsExactly(tuple(AuditAction.UNBANNED, "2001:db8:1:2::/64", "sshd", null));
		assertThat(fail2ban.bannedIn("sshd")).isEmpty();
		assertThat(fail2ban.bannedIn("dovecot")).as("another jail's ban of the network stays").containsExactly(
				"2001:db8:1:2::/64");
	}

	/**
	 * IPv4-mapped forms: fail2ban holds a mapped address in its IPv4 form, a mapped network as given. The mapped
	 * address is released from both jails, the mapped network blocks the IPv4 address inside it, and is the own ban
	 * of its IPv4 form.
	 */
	@Test
	void releasesIpv4MappedAddressesAndNetworksAsTheIpv4OnesTheyStandFor() throws InterruptedException {
		fail2ban.ban("sshd", "::ffff:192.0.2.2");
		fail2ban.ban("sasl", "192.0.2.2");
		fail2ban.ban("dovecot", "::ffff:198.51.100.0/120");

		JobView mapped = release("::ffff:192.0.2.2");
		JobView inside = release("198.51.100.7");
		JobView network = release("198.51.100.0/24");

		assertThat(mapped.items()).containsExactly(
				new ItemView("local", ItemKind.IP, "::ffff:192.0.2.2", ItemState.UNBANNED, List.of("sshd", "sasl"), 0, null));
		assertThat(audited(mapped, 2)).containsExactlyInAnyOrder(
				tuple(AuditAction.UNBANNED, "192.0.2.2", "sshd", "::ffff:192.0.2.2"),
				tuple(AuditAction.UNBANNED, "192.0.2.2", "sasl", "::ffff:192.0.2.2"));
		assertThat(inside.items()).containsExactly(new ItemView("local", ItemKind.IP, "198.51.100.7", ItemState.FAILED,
				List.of(), List.of(), List.of(new JailEntry("dovecot", "::ffff:198.51.100.0/120")), List.of(), 0,
				new Failure("fail2ban.blockedByNetwork", null)));
		assertThat(network.items()).containsExactly(
				new ItemView("local", ItemKind.IP, "198.51.100.0/24", ItemState.UNBANNED, List.of("dovecot"), 0, null));
		assertThat(audited(network, 1)).containsExactly(
				tuple(AuditAction.UNBANNED, "::ffff:198.51.100.0/120", "dovecot", "198.51.100.0/24"));
		assertThat(Fail2banServer.JAILS).allSatisfy(jail -> assertThat(fail2ban.bannedIn(jail)).isEmpty());
	}

	private void banTheIssuesAddresses() {
		fail2ban.ban("sshd", "198.51.100.0/24", "198.51.100.7");
		fail2ban.ban("dovecot", "198.51.100.7");
		fail2ban.ban("sasl", "198.51.100.7");
		fail2ban.ban("apache", "198.51.100.20");
	}

	private JobView release(String address) throws InterruptedException {
		return release(new ReleaseRequest(List.of(BanTarget.parse(address)), List.of()));
	}

	private JobView release(ReleaseRequest request) throws InterruptedException {
		return Jobs.awaitFinished(jobs, jobs.submit(request, "alice", "203.0.113.1"), PATIENCE);
	}

	/** The job's audit entries of what came of its values, once the listener has recorded this many. */
	private List<org.assertj.core.groups.Tuple> audited(JobView job, int count) throws InterruptedException {
		Await.until(count + " audit entries of job " + job.id(), PATIENCE, () -> outcomes(job).size() >= count);
		return outcomes(job).stream()
			.map(event -> tuple(event.action(), event.target(), event.jail(), event.requested()))
			.toList();
	}

	private List<AuditEvent> outcomes(JobView job) {
		return audit.recent(1000)
			.stream()
			.filter(event -> Long.valueOf(job.id()).equals(event.jobId()) && event.action() != AuditAction.SUBMITTED)
			.toList();
	}

}
