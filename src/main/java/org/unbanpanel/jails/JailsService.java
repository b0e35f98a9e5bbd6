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
import org.unbanpanel.fail2ban.JailRules;
import org.unbanpanel.fail2ban.JailSettings;
import org.unbanpanel.trust.Trust;
import org.unbanpanel.trust.TrustService;
import org.unbanpanel.fail2ban.JailStatus;

/**
 * What the jail pages and their API show, read from fail2ban (through its shared reads: a page asked for by many at
 * once costs one read): the jails' counters, and a page of one jail's bans, marked when fail2ban does not answer and
 * they are its last known state. fail2ban prints ban times in the local time of the machine it runs on, which is this
 * one.
 * @throws Fail2banException from every method, when fail2ban cannot be asked
 */
@Service
class JailsService {

	private final Fail2ban fail2ban;

	private final JailSettings settings;

	private final TrustService trusts;

	private final Clock clock;

	JailsService(Fail2ban fail2ban, JailSettings settings, TrustService trusts, Clock clock) {
		this.fail2ban = fail2ban;
		this.settings = settings;
		this.trusts = trusts;
		this.clock = clock;
	}

	List<JailSummary> overview() {
		List<JailStatus> statuses = fail2ban.statusOfAllJails();
		Instant notAnsweringSince = fail2ban.notAnsweringSince().orElse(null);
		return statuses.stream().map(status -> JailSummary.of(status, notAnsweringSince)).toList();
	}

	/**
	 * One {@link Fail2ban#banList} read, whatever the number of bans; a {@code status} run more only to tell an unknown
	 * jail from another refusal. Entries that cannot be read exactly are counted and shown apart, escaped.
	 * @throws UnknownJailException when fail2ban has no such jail
	 */
	BanPage bans(String jail, BanQuery query) {
		BanList list = read(jail);
		return BanPage.of(jail, list, query, clock.instant(), ZoneId.systemDefault(),
				fail2ban.notAnsweringSince().orElse(null));
	}

	/**
	 * The jail's rules as the running fail2ban reports them, each ignore-list entry marked as its own configuration or
	 * a trust of this panel. Seven to eleven fail2ban-client runs, side by side ({@link JailSettings#rules}).
	 * @throws UnknownJailException when fail2ban has no such jail
	 */
	JailRulesView rules(String jail) {
		JailRules rules = known(jail, () -> settings.rules(jail));
		Map<String, Trust> trusted = new HashMap<>();
		trusts.current().forEach(trust -> trusted.put(trust.address(), trust));
		List<JailRulesView.IgnoreEntry> ignore = rules.ignoreIp().stream().map(entry -> {
			Trust trust = BanTarget.tryParse(entry).map(target -> trusted.get(target.value())).orElse(null);
			return trust == null ? new JailRulesView.IgnoreEntry(entry, true, null, null)
					: new JailRulesView.IgnoreEntry(entry, trust.keptIn().contains(jail), trust.expiresAt(),
							trust.createdBy());
		}).toList();
		return new JailRulesView(rules, ignore);
	}

	private BanList read(String jail) {
		return known(jail, () -> fail2ban.banList(jail));
	}

	/** What {@code read} gets from fail2ban, an unknown jail told apart from another refusal by a second run. */
	private <T> T known(String jail, Supplier<T> read) {
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
