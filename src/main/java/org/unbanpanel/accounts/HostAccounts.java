package org.unbanpanel.accounts;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.unbanpanel.core.Explanation;
import org.unbanpanel.hosts.HostName;
import org.unbanpanel.pam.LockRecord;
import org.unbanpanel.pam.LockState;

/**
 * One host's section of {@code /accounts}: the accounts its lock tool reports with failures, or why they cannot be
 * read there.
 * @param backend the host's lock tool ({@code faillock}, {@code pam_tally2}, {@code none}); {@code null} when the host
 * cannot be asked which
 * @param states each account's lock state by user, for the accounts whose policy could be read
 * @param cutNames the listed names the tool may have cut (pam_tally2 lists 15 characters), which cannot be reset by
 * the name shown
 * @param problem why the accounts cannot be read, or {@code null}
 * @param notConfigured whether that is because the host manages no account locks
 * @param policyProblem why the lock states cannot be said, or {@code null}
 */
public record HostAccounts(HostName host, String backend, List<LockRecord> accounts, Map<String, LockState> states,
		Set<String> cutNames, Explanation problem, boolean notConfigured, Explanation policyProblem) {

	public HostAccounts {
		accounts = List.copyOf(accounts);
		states = Map.copyOf(states);
		cutNames = Set.copyOf(cutNames);
	}

	static HostAccounts unreadable(HostName host, String backend, Explanation problem, boolean notConfigured) {
		return new HostAccounts(host, backend, List.of(), Map.of(), Set.of(), problem, notConfigured, null);
	}

	public boolean local() {
		return host.isLocal();
	}

	/** Whether the account can be reset from this page: the tool lists its whole name. */
	public boolean resettable(String user) {
		return !cutNames.contains(user);
	}

}
