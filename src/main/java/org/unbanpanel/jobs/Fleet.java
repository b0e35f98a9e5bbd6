package org.unbanpanel.jobs;

import java.util.List;
import java.util.Optional;

import org.unbanpanel.fail2ban.Fail2ban;
import org.unbanpanel.hosts.HostName;
import org.unbanpanel.pam.AccountLocks;

/**
 * The hosts a job may release on, as the worker needs them: their names in the order of the settings, and each one's
 * fail2ban and account locks. {@link FleetOfHosts} is the panel's, over the hosts module and the adapters.
 */
interface Fleet {

	/** Every host, the local machine first. */
	List<HostName> names();

	/** The tools of a host, if the fleet has it (a host removed from the settings has none). */
	Optional<Tools> tools(HostName host);

	/** What the worker runs on one host. */
	record Tools(Fail2ban fail2ban, AccountLocks accountLocks) {
	}

}
