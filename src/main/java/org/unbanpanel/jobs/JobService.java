package org.unbanpanel.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.unbanpanel.core.InvalidValueException;
import org.unbanpanel.hosts.HostName;

/**
 * The jobs module's public service: queues a release (from Unblock Access, Lookup, a jail's page or the accounts
 * page) as a job, and reads jobs back for the pages and the API. The worker runs them in the background.
 */
@Service
public class JobService {

	/** How long a cancel waits for a batch that is running to finish. */
	private static final Duration CANCEL_PATIENCE = Duration.ofSeconds(5);

	private final JobRepository jobs;

	private final ApplicationEventPublisher events;

	private final JobWorker worker;

	private final JobTrusts trusts;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final JobRunner runner;

	private final JobsProperties properties;

	private final Fleet fleet;

	JobService(JobRepository jobs, ApplicationEventPublisher events, JobWorker worker, JobTrusts trusts,
			PlatformTransactionManager transactionManager, Clock clock, JobRunner runner, JobsProperties properties,
			Fleet fleet) {
		this.jobs = jobs;
		this.fleet = fleet;
		this.runner = runner;
		this.properties = properties;
		this.events = events;
		this.worker = worker;
		this.trusts = trusts;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/**
	 * Stores the request as a queued job, one line per value and host, with a {@link JobSubmitted} event (which the
	 * audit trail records) in one transaction, then wakes the worker. When this returns, the job survives a restart.
	 * @param submittedBy the signed-in user
	 * @param clientAddress the address the user connects from
	 * @return the job's id
	 * @throws InvalidValueException ({@link ReleaseRequest#UNKNOWN_HOST}) when the request names a host the fleet does
	 * not have; nothing is stored then
	 */
	public long submit(ReleaseRequest request, String submittedBy, String clientAddress) {
		List<HostName> hosts = hostsOf(request);
		List<Target> targets = new ArrayList<>();
		request.addresses()
			.forEach(address -> hosts.forEach(host -> targets.add(new Target(ItemKind.IP, address.value(), host))));
		request.accounts()
			.forEach(account -> hosts.forEach(host -> targets.add(new Target(ItemKind.ACCOUNT, account.value(), host))));
		return submit(targets, request.trustFor(), request.jails(), submittedBy, clientAddress, (jobId) -> null);
	}

	/** The hosts of the fleet, in its order, that the request names; every host when it names none. */
	private List<HostName> hostsOf(ReleaseRequest request) {
		List<HostName> all = inFleet(request.hosts());
		return request.everyHost() ? all : all.stream().filter(request.hosts()::contains).toList();
	}

	/**
	 * @return the names of every host of the fleet
	 * @throws InvalidValueException ({@link ReleaseRequest#UNKNOWN_HOST}) naming the first of the hosts given that the
	 * fleet does not have
	 */
	private List<HostName> inFleet(Collection<HostName> hosts) {
		List<HostName> all = fleet.names();
		hosts.stream().filter(host -> !all.contains(host)).findFirst().ifPresent(unknown -> {
			throw new InvalidValueException(unknown.value(), ReleaseRequest.UNKNOWN_HOST, "is no host of the fleet");
		});
		return all;
	}

	/** The names of every host of the fleet, the local machine first. */
	public List<HostName> hosts() {
		return fleet.names();
	}

	/** @param action the admin's action that queues the job, for the audit trail, or {@code null} */
	private long submit(List<Target> targets, Duration trustFor, List<String> jails, String submittedBy,
			String clientAddress, LongFunction<JobActedOn> action) {
		Instant now = clock.instant();
		long id = transactions.execute(status -> {
			long jobId = jobs.insert(submittedBy, clientAddress, now, targets, trustFor, jails);
			events.publishEvent(new JobSubmitted(jobId, submittedBy, clientAddress, jobs.items(List.of(jobId))
				.stream()
				.map(item -> new JobSubmitted.Value(item.id(), item.target().host().value(), item.target().kind(),
						item.target().value()))
				.toList()));
			JobActedOn acted = action.apply(jobId);
			if (acted != null) {
				events.publishEvent(acted);
			}
			return jobId;
		});
		worker.wake();
		return id;
	}

	/**
	 * The job with its lines, when it gives up waiting for fail2ban and, once it has ended, what became of the trust
	 * it asked for.
	 */
	public Optional<JobView> find(long id) {
		return jobs.find(id)
			.map(job -> job.givingUpAt(job.finished() ? null : job.createdAt().plus(properties.retryFor())))
			.map(job -> (job.finished() && !job.trustFor().isZero()) ? job.withTrust(trusts.of(id)) : job);
	}

	/**
	 * Has the worker try a job that waits for fail2ban now, not at the end of its back-off.
	 * @return whether the job is queued (else it is unknown, running or ended, and nothing changed)
	 */
	public boolean retryNow(long id, String username, String clientAddress) {
		boolean queued = transactions.execute(status -> {
			boolean due = jobs.dueNow(id, clock.instant());
			if (due) {
				events.publishEvent(new JobActedOn(id, JobActedOn.Action.RETRY_NOW, username, clientAddress, null));
			}
			return due;
		});
		if (queued) {
			worker.wake();
		}
		return queued;
	}

	/**
	 * Ends a queued job: its pending values fail as cancelled; what it did already stays done.
	 * @return whether the job was queued (else it is unknown, ended, or still running after a few seconds' wait)
	 */
	public boolean cancel(long id, String username, String clientAddress) {
		return runner.cancel(id, username, clientAddress, CANCEL_PATIENCE);
	}

	/**
	 * Queues the values that failed in an ended job again, each on the host where it failed, as a new job with the
	 * same jails and trust, submitted by the admin who asks. A value whose host has been removed from the fleet since
	 * refuses the whole job, as a new submission naming that host would be: a run that left some values out would read
	 * as a run of them all.
	 * @return the new job's id; empty when the job is unknown, has not ended or has no failed value
	 * @throws InvalidValueException ({@link ReleaseRequest#UNKNOWN_HOST}) naming a failed value's host that the fleet
	 * no longer has; nothing is stored then
	 */
	public Optional<Long> runAgain(long id, String username, String clientAddress) {
		return find(id).filter(JobView::runnableAgain).map(job -> {
			List<Target> failed = job.items()
				.stream()
				.filter(item -> item.state() == ItemState.FAILED)
				.map(item -> new Target(item.kind(), item.value(), HostName.parse(item.host())))
				.toList();
			inFleet(failed.stream().map(Target::host).toList());
			return submit(failed, job.trustFor(), job.jails(), username, clientAddress,
					(newId) -> new JobActedOn(id, JobActedOn.Action.RUN_AGAIN, username, clientAddress, newId));
		});
	}

	/** How many jobs are queued: not taken up yet, or waiting for fail2ban to come back. */
	public int queued() {
		return jobs.countQueued();
	}

	/** The latest jobs, newest first. */
	public List<JobSummary> recent(int limit) {
		return jobs.withFirstValues(jobs.recent(limit));
	}

}
