package org.unbanpanel.jobs;

/**
 * What became of the trust a job asked for, told by the trust module, which trusts a job's addresses when it hears
 * that the job has ended ({@link JobSettled}). The job's page and API show it.
 */
public interface JobTrusts {

	/**
	 * The trust of the job's released addresses over every host it released them on; {@link Report#PENDING} until the
	 * trust module has taken it up.
	 */
	Report of(long jobId);

	/**
	 * @param applied whether every jail's ignore list on every host holds the addresses (or held them, for a trust
	 * that has ended)
	 * @param problem why a host's fail2ban has not taken them yet (it is tried again), each such host named, or
	 * {@code null}
	 */
	record Report(boolean applied, String problem) {

		public static final Report PENDING = new Report(false, null);

	}

}
