package org.unbanpanel.jobs;

import java.util.List;

/**
 * Published in the transaction that stores a new job: the values it was asked to unblock. The audit trail records
 * each; the event publication registry keeps the event until it has.
 */
public record JobSubmitted(long jobId, String submittedBy, String clientAddress, List<Value> values) {

	public JobSubmitted {
		values = List.copyOf(values);
	}

	/** One value of the job on one host, and the job line that holds it. */
	public record Value(long itemId, String host, ItemKind kind, String value) {
	}

}
