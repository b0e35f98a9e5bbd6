package org.unbanpanel.jobs;

import java.time.Duration;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.fail;

/**
 * Waiting for the worker thread in tests.
 */
final class Jobs {

	private Jobs() {
	}

	static JobView awaitFinished(JobService service, long id, Duration timeout) throws InterruptedException {
		return await(service, id, JobView::finished, timeout);
	}

	static JobView await(JobService service, long id, Predicate<JobView> condition, Duration timeout)
			throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		JobView job = service.find(id).orElseThrow();
		while (!condition.test(job)) {
			if (System.nanoTime() > deadline) {
				fail("Job " + id + " is still " + job.state() + " after " + timeout.toSeconds() + " s: " + job);
			}
			Thread.sleep(20);
			job = service.find(id).orElseThrow();
		}
		return job;
	}

}
