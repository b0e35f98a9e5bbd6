package org.unbanpanel.jobs;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.unbanpanel.audit.AuditAction;
import org.unbanpanel.audit.AuditEntry;
import org.unbanpanel.audit.AuditTrail;

/**
 * The jobs module's public service: queues a release (from Unblock Access, Lookup, a jail's page or the accounts
 * page) as a job, and reads jobs back for the pages and the API. The worker runs them in the background.
 */
@Service
public class JobService {

	private final JobRepository jobs;

	private final AuditTrail audit;

	private final JobWorker worker;

	private final TransactionTemplate transactions;

	private final Clock clock;

	JobService(JobRepository jobs, AuditTrail audit, JobWorker worker,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.jobs = jobs;
		this.audit = audit;
		this.worker = worker;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/**
	 * Stores the request as a queued job, and its submission in the audit trail, in one transaction, then wakes the
	 * worker. When this returns, the job survives a restart.
	 * @param submittedBy the signed-in user
	 * @param clientAddress the address the user connects from
	 * @return the job's id
	 */
	public long submit(ReleaseRequest request, String submittedBy, String clientAddress) {
		List<Target> targets = new ArrayList<>();
		request.addresses().forEach((address) -> targets.add(new Target(ItemKind.IP, address.value())));
		request.accounts().forEach((account) -> targets.add(new Target(ItemKind.ACCOUNT, account.value())));
		Instant now = clock.instant();
		long id = transactions.execute((status) -> {
			long jobId = jobs.insert(submittedBy, clientAddress, now, targets, request.trustFor());
			audit.record(targets.stream()
				.map((target) -> new AuditEntry(submittedBy, clientAddress, AuditAction.SUBMITTED, jobId,
						target.value(), target.kind().name()))
				.toList());
			return jobId;
		});
		worker.wake();
		return id;
	}

	public Optional<JobView> find(long id) {
		return jobs.find(id);
	}

	/** The latest jobs, newest first. */
	public List<JobSummary> recent(int limit) {
		return jobs.withFirstValues(jobs.recent(limit));
	}

}
