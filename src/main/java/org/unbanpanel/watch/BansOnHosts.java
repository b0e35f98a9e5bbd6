package org.unbanpanel.watch;

import java.util.List;
import java.util.Map;

import org.unbanpanel.core.BanTarget;
import org.unbanpanel.fail2ban.HeldBan;
import org.unbanpanel.hosts.HostAnswer;
import org.unbanpanel.hosts.HostName;

/** Where the watched addresses are banned now, asked of each host that has any. */
interface BansOnHosts {

	/**
	 * @param watched the addresses watched on each host
	 * @return one answer per host of {@code watched} that is still one of the panel's: every jail's entries held for
	 * its addresses, or why the host gave none
	 */
	List<HostAnswer<Map<BanTarget, List<HeldBan>>>> whereBannedNow(Map<HostName, List<BanTarget>> watched);

}
