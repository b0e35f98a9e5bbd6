package org.unbanpanel.jobs;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The jobs module's public service: queues a release (from Unblock Access, Lookup, a jail's page or the accounts
 * page) as a job, and reads jobs back for the pages and the API. The worker runs them in the background.
 */
@Service
public class JobService {

	private final JobRepository jobs;

	private final ApplicationEventPublisher events;

	private final JobWorker worker;

	private final JobTrusts trusts;

	private final TransactionTemplate transactions;

	private final Clock clock;

	JobService(JobRepository jobs, ApplicationEventPublisher events, JobWorker worker, JobTrusts trusts,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.jobs = jobs;
		this.events = events;
		this.worker = worker;
		this.trusts = trusts;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/**
	 * Stores the request as a queued job with a {@link JobSubmitted} event (which the audit trail records) in one
	 * transaction, then wakes the worker. When this returns, the job survives a restart.
	 * @param submittedBy the signed-in user
	 * @param clientAddress the address the user connects from
	 * @return the job's id
	 */
	public long submit(ReleaseRequest request, String submittedBy, String clientAddress) {
		List<Target> targets = new ArrayList<>();
		request.addresses().forEach(address -> targets.add(new Target(ItemKind.IP, address.value())));
		request.accounts().forEach(account -> targets.add(new Target(ItemKind.ACCOUNT, account.value())));
		Instant now = clock.instant();
		long id = transactions.execute(status -> {
			long jobId = jobs.insert(submittedBy, clientAddress, now, targets, request.trustFor(), request.jails());
			events.publishEvent(new JobSubmitted(jobId, submittedBy, clientAddress, jobs.items(List.of(jobId))
				.stream()
				.map(item -> new JobSubmitted.Value(item.id(), item.target().kind(), item.target().value()))
				.toList()));
			return jobId;
		});
		worker.wake();
		return id;
	}

	/** The job with its lines and, once it has ended, what became of the trust it asked for. */
	public Optional<JobView> find(long id) {
		return jobs.find(id)
			.map(job -> (job.finished() && !job.trustFor().isZero()) ? job.withTrust(trusts.of(id)) : job);
	}

	/** The latest jobs, newest first. */
	public List<JobSummary> recent(int limit) {
		return jobs.withFirstValues(jobs.recent(limit));
	}

}
