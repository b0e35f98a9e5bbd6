package org.unbanpanel.jails;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.stereotype.Service;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.core.InvalidValueException;
import org.unbanpanel.fail2ban.BanList;
import org.unbanpanel.fail2ban.Fail2ban;
import org.unbanpanel.fail2ban.Fail2banException;
import org.unbanpanel.fail2ban.Fail2bans;
import org.unbanpanel.fail2ban.JailRules;
import org.unbanpanel.fail2ban.JailSettings;
import org.unbanpanel.fail2ban.JailStatus;
import org.unbanpanel.hosts.Host;
import org.unbanpanel.hosts.HostName;
import org.unbanpanel.hosts.Hosts;
import org.unbanpanel.hosts.NoSuchHostException;
import org.unbanpanel.trust.Trust;
import org.unbanpanel.trust.TrustService;

/**
 * What the jail pages and their API show, read from each host's fail2ban (through its shared reads: a page asked for
 * by many at once costs one read): every host's jails' counters, and a page of one jail's bans on one host, marked
 * when fail2ban does not answer and they are its last known state. A host is named by {@code ?host=}, checked as a
 * {@link HostName} before use. fail2ban prints ban times in the local time of the machine it runs on, which is taken
 * to be this one's on every host.
 * @throws Fail2banException from every method, when fail2ban cannot be asked
 */
@Service
class JailsService {

	private final Hosts hosts;

	private final Fail2bans fail2bans;

	private final TrustService trusts;

	private final Clock clock;

	JailsService(Hosts hosts, Fail2bans fail2bans, TrustService trusts, Clock clock) {
		this.hosts = hosts;
		this.fail2bans = fail2bans;
		this.trusts = trusts;
		this.clock = clock;
	}

	/** Every host's jails, the hosts asked at once; a host whose fail2ban cannot be asked says why. */
	List<HostJails> overview() {
		return hosts.ask(this::summaries)
			.stream()
			.map(answer -> new HostJails(answer.host().value(), answer.isLocal(), answer.value(), answer.problem()))
			.toList();
	}

	/**
	 * One host's jails.
	 * @throws NoSuchHostException when the panel has no such host
	 */
	List<JailSummary> overview(String host) {
		return summaries(hosts.named(host));
	}

	private List<JailSummary> summaries(Host host) {
		Fail2ban fail2ban = fail2bans.on(host);
		List<JailStatus> statuses = fail2ban.statusOfAllJails();
		Instant notAnsweringSince = fail2ban.notAnsweringSince().orElse(null);
		return statuses.stream().map(status -> JailSummary.of(host.name().value(), status, notAnsweringSince)).toList();
	}

	/**
	 * One {@link Fail2ban#banList} read, whatever the number of bans; a {@code status} run more only to tell an unknown
	 * jail from another refusal. Entries that cannot be read exactly are counted and shown apart, escaped.
	 * @throws UnknownJailException when fail2ban has no such jail
	 */
	BanPage bans(String host, String jail, BanQuery query) {
		Fail2ban fail2ban = fail2bans.on(hosts.named(host));
		BanList list = known(fail2ban, jail, () -> fail2ban.banList(jail));
		return BanPage.of(jail, list, query, clock.instant(), ZoneId.systemDefault(),
				fail2ban.notAnsweringSince().orElse(null));
	}

	/**
	 * The jail's rules as the running fail2ban reports them, each ignore-list entry marked as its own configuration or
	 * a trust this panel keeps on that host. Seven to eleven fail2ban-client runs, side by side ({@link JailSettings#rules}).
	 * @throws UnknownJailException when fail2ban has no such jail
	 */
	JailRulesView rules(String host, String jail) {
		Host on = hosts.named(host);
		JailSettings settings = fail2bans.settingsOn(on);
		JailRules rules = known(fail2bans.on(on), jail, () -> settings.rules(jail));
		Map<String, Trust> trusted = new HashMap<>();
		trusts.current()
			.stream()
			.filter(trust -> trust.host().equals(on.name().value()))
			.forEach(trust -> trusted.put(trust.address(), trust));
		List<JailRulesView.IgnoreEntry> ignore = rules.ignoreIp().stream().map(entry -> {
			Trust trust = BanTarget.tryParse(entry).map(target -> trusted.get(target.value())).orElse(null);
			return trust == null ? new JailRulesView.IgnoreEntry(entry, true, null, null)
					: new JailRulesView.IgnoreEntry(entry, trust.keptIn(jail), trust.expiresAt(),
							trust.createdBy());
		}).toList();
		return new JailRulesView(rules, ignore);
	}

	/**
	 * The name of one of the panel's hosts.
	 * @throws NoSuchHostException when it is not a host name, or not one of the panel's hosts
	 */
	HostName known(String host) {
		return hosts.named(host).name();
	}

	/** What {@code read} gets from fail2ban, an unknown jail told apart from another refusal by a second run. */
	private static <T> T known(Fail2ban fail2ban, String jail, Supplier<T> read) {
		try {
			return read.get();
		}
		catch (InvalidValueException ex) {
			throw new UnknownJailException(jail);
		}
		catch (Fail2banException ex) {
			if (ex.reason() == Fail2banException.Reason.REFUSED && !fail2ban.jails().contains(jail)) {
				throw new UnknownJailException(jail);
			}
			throw ex;
		}
	}

}
