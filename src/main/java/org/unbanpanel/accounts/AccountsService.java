package org.unbanpanel.accounts;

import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.hosts.Host;
import org.unbanpanel.hosts.Hosts;
import org.unbanpanel.pam.AccountLockException;
import org.unbanpanel.pam.AccountLocks;
import org.unbanpanel.pam.AccountLocksOnHosts;
import org.unbanpanel.pam.LockPolicies;
import org.unbanpanel.pam.LockPolicy;
import org.unbanpanel.pam.LockRecord;
import org.unbanpanel.pam.LockState;

/**
 * What the locked-accounts page and its API show, read from each host's lock tool, and when each lock ends, from that
 * host's PAM settings ({@link LockPolicies}).
 */
@Service
class AccountsService {

	private final Hosts hosts;

	private final AccountLocksOnHosts locks;

	private final LockPolicies policies;

	private final Clock clock;

	AccountsService(Hosts hosts, AccountLocksOnHosts locks, LockPolicies policies, Clock clock) {
		this.hosts = hosts;
		this.locks = locks;
		this.policies = policies;
		this.clock = clock;
	}

	/** Every host's locked accounts, the hosts asked at once; a host that cannot be asked says why. */
	List<HostAccounts> overview() {
		return hosts.ask(this::read)
			.stream()
			.map(answer -> answer.answered() ? answer.value()
					: HostAccounts.unreadable(answer.host(), null, answer.problem(), false))
			.toList();
	}

	/**
	 * The account locks of the host a page or an API call names.
	 * @throws org.unbanpanel.hosts.NoSuchHostException when the panel has no such host
	 */
	AccountLocks on(String host) {
		return locks.on(hosts.named(host));
	}

	private HostAccounts read(Host host) {
		AccountLocks hostLocks = locks.on(host);
		String backend = null;
		try {
			backend = hostLocks.backend();
			List<LockRecord> accounts = hostLocks.all();
			Set<String> cutNames = accounts.stream()
				.map(LockRecord::user)
				.filter(user -> !hostLocks.listsWholeName(user))
				.collect(Collectors.toSet());
			return withStates(host, hostLocks, backend, accounts, cutNames);
		}
		catch (AccountLockException ex) {
			return HostAccounts.unreadable(host.name(), backend, ex.explanation(),
					ex.reason() == AccountLockException.Reason.NOT_CONFIGURED);
		}
	}

	/** The host's accounts with their lock states, or why those cannot be said. */
	private HostAccounts withStates(Host host, AccountLocks hostLocks, String backend, List<LockRecord> accounts,
			Set<String> cutNames) {
		Map<String, LockState> states = Map.of();
		Explanation policyProblem = null;
		if (!accounts.isEmpty()) {
			try {
				states = states(policies.on(host, hostLocks), accounts);
			}
			catch (AccountLockException ex) {
				policyProblem = ex.explanation();
			}
		}
		return new HostAccounts(host.name(), backend, accounts, states, cutNames, null, false, policyProblem);
	}

	/** Each account's lock state under its host's policy. */
	private Map<String, LockState> states(LockPolicy policy, List<LockRecord> accounts) {
		Map<String, LockState> states = new HashMap<>();
		accounts.forEach(account -> states.put(account.user(),
				policy.state(account, clock.instant(), ZoneId.systemDefault())));
		return states;
	}

}
