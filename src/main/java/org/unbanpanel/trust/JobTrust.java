package org.unbanpanel.trust;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.fail2ban.Fail2banException;
import org.unbanpanel.jobs.JobSettled;
import org.unbanpanel.jobs.JobTrusts;

/**
 * Trusts the addresses a job left banned nowhere once it has ended, when it asked for a trust, and tells the job's
 * page what became of it. The event publication registry hands the event out again after a restart that came before
 * the trust was stored; a trust stored while fail2ban did not take it is put on the lists by {@link TrustExpiry}.
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
		if (!job.state().finished() || job.trustFor().isZero() || service.reportOf(job.jobId()).applied()) {
			return;
		}
		List<BanTarget> addresses = job.unblockedAddresses().stream().map(BanTarget::parse).toList();
		if (addresses.isEmpty()) {
			service.nothingToTrust(job.jobId());
			return;
		}
		try {
			service.trust(addresses, job.trustFor(), job.submittedBy(), job.clientAddress(), job.jobId());
		}
		catch (Fail2banException ex) {
			logger.warn("fail2ban did not take the trust of job {} yet; it is stored and tried again: {}", job.jobId(),
					ex.getMessage());
		}
	}

	@Override
	public Report of(long jobId) {
		return service.reportOf(jobId);
	}

}
