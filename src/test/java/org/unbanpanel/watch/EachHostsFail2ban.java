package org.unbanpanel.watch;

import java.util.List;
import java.util.Map;

import org.unbanpanel.core.BanTarget;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.fail2ban.Fail2ban;
import org.unbanpanel.fail2ban.Fail2banException;
import org.unbanpanel.fail2ban.HeldBan;
import org.unbanpanel.hosts.HostAnswer;
import org.unbanpanel.hosts.HostName;

/**
 * The watch's hosts over one {@link Fail2ban} each, asked one after another, without SSH: a host whose fail2ban throws
 * answers with why (a fault of the panel's as {@code hosts.failed}), as {@code Hosts.ask} answers it; a host it does
 * not know gives no answer.
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
		try {
			return new HostAnswer<>(host, fail2bans.get(host).whereBannedNow(targets), null);
		}
		catch (Fail2banException ex) {
			return new HostAnswer<>(host, null, ex.explanation());
		}
		catch (RuntimeException ex) {
			return new HostAnswer<>(host, null, Explanation.of("hosts.failed", host.value()));
		}
	}

}
