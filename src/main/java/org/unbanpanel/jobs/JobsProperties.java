package org.unbanpanel.jobs;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the worker retries jobs while fail2ban (or a host of the fleet) cannot be reached, and how much it runs at once.
 *
 * @param retryInitial the wait after the first failed attempt, doubled after each further one (default 1 s)
 * @param retryMaxInterval the longest wait between two attempts (default 30 s); also how often a module that failed
 * to handle one of the jobs' events (the audit trail, the trust module) is handed it again
 * @param retryFor how long after its submission a job is retried before it is marked failed (default 10 min)
 * @param maxBatchValues how many values the worker hands to the tools in one batch at most, so the command line of
 * one fail2ban-client run stays far below the system's limit; the jobs beyond follow in the next batch (default
 * 10,000)
 * @param parallelHosts how many hosts of the fleet a batch works on at once, one thread each: a batch that spans
 * fewer hosts uses as many threads as it has hosts, and a batch for one host runs on the worker's own thread; the
 * hosts beyond wait for a thread (default 32)
 */
@ConfigurationProperties("panel.jobs")
record JobsProperties(@DefaultValue("1s") Duration retryInitial, @DefaultValue("30s") Duration retryMaxInterval,
		@DefaultValue("10m") Duration retryFor, @DefaultValue("10000") int maxBatchValues,
		@DefaultValue("32") int parallelHosts) {

	JobsProperties {
		if (parallelHosts < 1) {
			throw new IllegalArgumentException("panel.jobs.parallel-hosts must be at least 1");
		}
	}

	/** The wait after the given number of failed attempts: exponential from the initial wait up to the maximum. */
	Duration delayAfter(int attempts) {
		Duration delay = retryInitial;
		for (int attempt = 1; attempt < attempts && delay.compareTo(retryMaxInterval) < 0; attempt++) {
			delay = delay.multipliedBy(2);
		}
		return (delay.compareTo(retryMaxInterval) < 0) ? delay : retryMaxInterval;
	}

}
