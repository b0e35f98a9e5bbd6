package org.unbanpanel.jobs;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.unbanpanel.audit.AuditAction;
import org.unbanpanel.audit.AuditEvent;
import org.unbanpanel.audit.AuditTrail;
import org.unbanpanel.core.AccountName;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.fail2ban.Fail2ban;
import org.unbanpanel.fail2ban.Unbanned;
import org.unbanpanel.fail2ban.HeldBan;
import org.unbanpanel.pam.AccountLocks;
import org.unbanpanel.pam.LockRecord;
import org.unbanpanel.testsupport.Await;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.when;

/**
 * The queue as the application wires it: H2 file database under target/, Flyway migrations, the worker thread. The
 * tools are mocked here; {@code JobsRealFail2banTests} runs the real fail2ban.
 */
@SpringBootTest(properties = "panel.data-dir=./target/test-data/${random.uuid}")
class JobServiceTests {

	@Autowired
	private JobService service;

	@Autowired
	private AuditTrail audit;

	@MockitoBean
	private Fail2ban fail2ban;

	private final Duration patience = Duration.ofSeconds(10);

	@MockitoBean
	private AccountLocks accountLocks;

	@Autowired
	private ApplicationEventPublisher events;

	@Autowired
	private PlatformTransactionManager transactionManager;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void runsASubmittedJobInTheBackgroundAndKeepsItsResults() throws InterruptedException {
		BanTarget address = BanTarget.parse("2001:db8::6");
		when(fail2ban.whereBannedNow(anyCollection())).thenReturn(
				Map.of(address, List.of(new HeldBan("sshd", "2001:db8::6", HeldBan.Overlap.OWN))), Map.of(address, List.of()));
		when(fail2ban.unban(anyCollection())).thenReturn(Unbanned.NOTHING);
		when(accountLocks.reset(any())).thenReturn(new LockRecord("admin", 0, null, ""));

		long id = service.submit(new ReleaseRequest(List.of(BanTarget.parse("2001:db8::6")),
				List.of(AccountName.parse("admin"))), "alice", "203.0.113.7");
		JobView job = Jobs.awaitFinished(service, id, patience);

		assertThat(job.state()).isEqualTo(JobState.DONE);
		assertThat(job.submittedBy()).isEqualTo("alice");
		assertThat(job.items()).containsExactly(
				new ItemView("local", ItemKind.IP, "2001:db8::6", ItemState.UNBANNED, List.of("sshd"), 0, null),
				new ItemView("local", ItemKind.ACCOUNT, "admin", ItemState.NOT_LOCKED, List.of(), 0, null));
		assertThat(service.recent(1)).containsExactly(new JobSummary(id, JobState.DONE, "alice", "203.0.113.7",
				job.createdAt(), job.finishedAt(), 1, 1, 0, List.of("2001:db8::6", "admin")));
		Await.until("the audit trail to record the outcomes", patience, () -> audit.recent(10).size() == 4);
		assertThat(audit.recent(10)).extracting(AuditEvent::action, AuditEvent::target, AuditEvent::jail)
			.containsExactlyInAnyOrder(tuple(AuditAction.SUBMITTED, "2001:db8::6", null),
					tuple(AuditAction.SUBMITTED, "admin", null), tuple(AuditAction.UNBANNED, "2001:db8::6", "sshd"),
					tuple(AuditAction.NOT_LOCKED, "admin", null));
	}

	/**
	 * An admin's action is audited in the transaction that makes it: the registry keeps no publication of it that a
	 * restart would hand out again (and record twice), and a rolled-back action leaves no entry.
	 */
	@Test
	void auditsAnAdminsActionWithTheActionItselfSoThatNoRestartRecordsItTwice() {
		long job = 4242;
		new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
			events.publishEvent(new JobActedOn(job, JobActedOn.Action.RETRY_NOW, "bob", "198.51.100.9", null));

			assertThat(actionsOn(job)).as("recorded within the action's transaction").containsExactly(AuditAction.RETRIED_NOW);
			assertThat(jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE event_type = :type")
				.param("type", JobActedOn.class.getName())
				.query(Long.class)
				.single()).as("publications kept for a replay").isZero();
			status.setRollbackOnly();
		});

		assertThat(actionsOn(job)).as("gone with the rolled-back action").isEmpty();
	}

	private List<AuditAction> actionsOn(long job) {
		return audit.recent(100).stream().filter(event -> Long.valueOf(job).equals(event.jobId())).map(AuditEvent::action).toList();
	}

}
