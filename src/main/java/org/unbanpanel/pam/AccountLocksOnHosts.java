package org.unbanpanel.pam;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.unbanpanel.core.AccountName;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.exec.CommandException;
import org.unbanpanel.hosts.Host;
import org.unbanpanel.hosts.HostName;
import org.unbanpanel.hosts.HostTool;

/**
 * The {@link AccountLocks} of every host: the panel's own bean for the local machine, and for another host the tool
 * its {@code accounts.*} settings name, run through that host's runner. A host's {@code auto} backend is found on the
 * host itself, at the first question (so a host that is down delays nothing at start), and asked again while the host
 * cannot be reached. As the hosts page's tool {@code accounts}, it says which tool keeps the locks on each host.
 */
@Component
@Order(2)
public class AccountLocksOnHosts implements HostTool {

	private final AccountLocks local;

	private final Map<HostName, AccountLocks> remote = new ConcurrentHashMap<>();

	AccountLocksOnHosts(AccountLocks local) {
		this.local = local;
	}

	public AccountLocks on(Host host) {
		return host.isLocal() ? local : remote.computeIfAbsent(host.name(), name -> new Detected(host));
	}

	@Override
	public String name() {
		return "accounts";
	}

	/** The tool and whether it runs, found by listing the locked accounts once, as the health check does. */
	@Override
	public Report report(Host host) {
		AccountLocks locks = on(host);
		try {
			String backend = locks.backend();
			locks.all();
			return Report.of(backend);
		}
		catch (AccountLockException ex) {
			return ex.reason() == AccountLockException.Reason.NOT_CONFIGURED ? Report.of(NoAccountLocks.BACKEND)
					: Report.problem(ex.explanation());
		}
	}

	/** A remote host's account locks, its backend found on the host at the first question. */
	private static final class Detected implements AccountLocks {

		private final Host host;

		private volatile AccountLocks found;

		Detected(Host host) {
			this.host = host;
		}

		/** @throws AccountLockException {@code UNREACHABLE} while the host cannot be asked which tool it has */
		@Override
		public String backend() {
			return found().backend();
		}

		/** @throws AccountLockException {@code UNREACHABLE} while the host cannot be asked which tool it has */
		@Override
		public boolean managed() {
			return found().managed();
		}

		@Override
		public LockRecord status(AccountName user) {
			return found().status(user);
		}

		@Override
		public List<LockRecord> all() {
			return found().all();
		}

		@Override
		public LockRecord reset(AccountName user) {
			return found().reset(user);
		}

		@Override
		public boolean listsWholeName(String listedName) {
			return found().listsWholeName(listedName);
		}

		private synchronized AccountLocks found() {
			if (found == null) {
				AccountsProperties properties = host.settings("accounts", AccountsProperties.class);
				try {
					AccountLocks created = AccountLocksConfiguration.create(properties, ToolLocator.on(host.runner()),
							host.runner());
					found = created.managed() ? created
							: new NoAccountLocks(Explanation.of("accounts.tool.noneOn", host.name().value()));
				}
				catch (CommandException ex) {
					throw new AccountLockException(AccountLockException.Reason.UNREACHABLE,
							Explanation.of("hosts.accounts.notFound", host.name().value(), ex.explanation()), ex);
				}
			}
			return found;
		}

	}

}
