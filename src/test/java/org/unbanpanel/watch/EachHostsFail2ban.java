package org.unbanpanel.watch;

import java.util.List;
import java.util.Map;

import org.unbanpanel.core.BanTarget;
import org.unbanpanel.fail2ban.Fail2ban;
import org.unbanpanel.fail2ban.HeldBan;
import org.unbanpanel.hosts.HostAnswer;
import org.unbanpanel.hosts.HostName;
import org.unbanpanel.testsupport.AskedHosts;

/**
 * The watch's hosts over one {@link Fail2ban} each, asked one after another, without SSH: each answers as
 * {@code Hosts.ask} answers it ({@link AskedHosts#answer}); a host it does not know gives no answer.
 */
record EachHostsFail2ban(Map<HostName, Fail2ban> fail2bans) implements BansOnHosts {

	static EachHostsFail2ban local(Fail2ban fail2ban) {
		return new EachHostsFail2ban(Map.of(HostName.LOCAL, fail2ban));
	}

	@Override
	public List<HostAnswer<Map<BanTarget, List<HeldBan>>>> whereBannedNow(Map<HostName, List<BanTarget>> watched) {
		return watched.entrySet()
			.stream()
			.filter(host -> fail2bans.containsKey(host.getKey()))
			.map(host -> answer(host.getKey(), host.getValue()))
			.toList();
	}

	private HostAnswer<Map<BanTarget, List<HeldBan>>> answer(HostName host, List<BanTarget> targets) {
		return AskedHosts.answer(host, () -> fail2bans.get(host).whereBannedNow(targets));
	}

}
