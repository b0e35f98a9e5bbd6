package org.unbanpanel.jobs;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How panel instances that share one database ({@code spring.datasource.*} on PostgreSQL) share its queue: each job
 * an instance runs is leased to it, and the lease pushed on while it works; a job whose lease has run out (its
 * instance died) is taken over by another instance.
 *
 * @param owner the name this instance holds its leases by: unique among the panels of one database, and the same
 * after a restart, so that a panel started again takes up at once what it left running (default: the machine's host
 * name; two panels on one machine sharing a database each need their own)
 * @param duration how long a lease holds without renewal: the longest a dead instance's running jobs wait for another
 * one to take them over (default 30 s)
 * @param renewEvery how often a working instance pushes its leases on; less than {@code duration} (default 10 s)
 * @param pollEvery how often the worker looks in the queue for jobs it was not told of: accepted by another instance
 * that died before it took them up, or left running by one whose lease ran out (default 5 s)
 */
@ConfigurationProperties("panel.jobs.lease")
record JobLeaseProperties(String owner, @DefaultValue("30s") Duration duration,
		@DefaultValue("10s") Duration renewEvery, @DefaultValue("5s") Duration pollEvery) {

	static final JobLeaseProperties DEFAULTS = new JobLeaseProperties(null, Duration.ofSeconds(30),
			Duration.ofSeconds(10), Duration.ofSeconds(5));

	/** The longest owner name the queue stores. */
	static final int MAX_OWNER = 100;

	JobLeaseProperties {
		owner = (owner == null || owner.isBlank()) ? hostName() : owner.strip();
		if (owner.length() > MAX_OWNER) {
			throw new IllegalArgumentException(
					"panel.jobs.lease.owner is longer than " + MAX_OWNER + " characters: " + owner);
		}
		if (duration.isNegative() || duration.isZero() || renewEvery.isNegative() || renewEvery.isZero()
				|| renewEvery.compareTo(duration) >= 0) {
			throw new IllegalArgumentException("panel.jobs.lease.renew-every (" + renewEvery
					+ ") must be positive and shorter than panel.jobs.lease.duration (" + duration + ")");
		}
		if (pollEvery.isNegative() || pollEvery.isZero()) {
			throw new IllegalArgumentException("panel.jobs.lease.poll-every must be positive: " + pollEvery);
		}
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "panel";
		}
	}

}
