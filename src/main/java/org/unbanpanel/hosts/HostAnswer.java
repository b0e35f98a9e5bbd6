package org.unbanpanel.hosts;

import org.unbanpanel.core.Explanation;

/**
 * What one host answered to a question {@link Hosts#ask asked of every host}: its value, or why it gave none.
 * @param value the answer, {@code null} when the host gave none
 * @param problem why the host gave no answer (it cannot be reached, its tool failed, it did not answer in time), or
 * {@code null}
 */
public record HostAnswer<T>(HostName host, T value, Explanation problem) {

	public boolean isLocal() {
		return host.isLocal();
	}

	public boolean answered() {
		return problem == null;
	}

}
