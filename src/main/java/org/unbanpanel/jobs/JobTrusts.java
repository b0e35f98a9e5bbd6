package org.unbanpanel.jobs;

import java.util.List;

/**
 * What became of the trust a job asked for, told by the trust module, which trusts a job's addresses when it hears
 * that the job has ended ({@link JobSettled}). The job's page and API show it.
 */
public interface JobTrusts {

	/**
	 * The trust of the job's released addresses over every host it released them on; {@link Outcome#PENDING} until
	 * the trust module has taken it up.
	 */
	Outcome of(long jobId);

	/**
	 * What became of the trust on one host.
	 * @param applied whether every jail's ignore list on the host holds the addresses (or held them, for a trust that
	 * has ended)
	 * @param problem what the host's fail2ban said when it did not take them (it is tried again), or {@code null}
	 */
	record Report(boolean applied, String problem) {

		public static final Report PENDING = new Report(false, null);

	}

	/**
	 * @param applied whether every host's lists hold the addresses
	 * @param pending whether some host has not had its turn yet: the outcome may still change
	 * @param problems each host whose fail2ban has not taken them (it is tried again later), by host name
	 */
	record Outcome(boolean applied, boolean pending, List<HostProblem> problems) {

		public static final Outcome PENDING = new Outcome(false, true, List.of());

		public Outcome {
			problems = List.copyOf(problems);
		}

	}

	/** A host whose fail2ban has not taken the trust yet, and what it said. */
	record HostProblem(String host, String problem) {
	}

}
