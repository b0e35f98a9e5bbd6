package org.unbanpanel.trust;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.fail2ban.Fail2banException;
import org.unbanpanel.jobs.JobSettled;
import org.unbanpanel.jobs.JobTrusts;

/**
 * Trusts the addresses a job left banned nowhere once it has ended, when it asked for a trust, on each host it
 * released them on, and tells the job's page what became of it. The event publication registry hands the event out
 * again after a restart that came before the trust was stored; a host whose trust is applied already is skipped, and
 * a trust stored while a host's fail2ban did not take it is put on its lists by {@link TrustExpiry}.
 */
@Component
class JobTrust implements JobTrusts {

	private static final Logger logger = LoggerFactory.getLogger(JobTrust.class);

	private final TrustService service;

	JobTrust(TrustService service) {
		this.service = service;
	}

	@ApplicationModuleListener
	void jobSettled(JobSettled job) {
		if (!job.state().finished() || job.trustFor().isZero()) {
			return;
		}
		Map<String, Report> reports = service.reportsOf(job.jobId());
		Map<String, List<BanTarget>> addresses = job.unblockedOnHosts()
			.entrySet()
			.stream()
			.filter(host -> !host.getValue().isEmpty())
			.filter(host -> !reports.getOrDefault(host.getKey(), Report.PENDING).applied())
			.collect(Collectors.toMap(Map.Entry::getKey,
					host -> host.getValue().stream().map(BanTarget::parse).toList(), (a, b) -> a,
					LinkedHashMap::new));
		if (job.unblockedOnHosts().values().stream().allMatch(List::isEmpty) && reports.isEmpty()) {
			service.nothingToTrust(job.jobId());
		}
		if (addresses.isEmpty()) {
			return;
		}
		try {
			service.trust(addresses, job.trustFor(), job.submittedBy(), job.clientAddress(), job.jobId());
		}
		catch (Fail2banException ex) {
			logger.warn("fail2ban did not take the trust of job {} yet on every host; it is stored and tried again: {}",
					job.jobId(), ex.getMessage());
		}
	}

	/**
	 * The job's trust over all its hosts: applied once every host's lists hold it, with each host that does not yet
	 * and what its fail2ban said; pending until the job's end is heard, and while a host has not had its turn.
	 */
	@Override
	public Outcome of(long jobId) {
		Map<String, Report> reports = service.reportsOf(jobId);
		if (reports.isEmpty()) {
			return Outcome.PENDING;
		}
		List<HostProblem> problems = reports.entrySet()
			.stream()
			.filter(host -> host.getValue().problem() != null)
			.map(host -> new HostProblem(host.getKey(), host.getValue().problem()))
			.toList();
		return new Outcome(reports.values().stream().allMatch(Report::applied),
				reports.values().stream().anyMatch(report -> !report.applied() && report.problem() == null), problems);
	}

}
