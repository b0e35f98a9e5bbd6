package org.unbanpanel.jails;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import org.springframework.stereotype.Service;
import org.unbanpanel.core.InvalidValueException;
import org.unbanpanel.fail2ban.BanList;
import org.unbanpanel.fail2ban.Fail2ban;
import org.unbanpanel.fail2ban.Fail2banException;

/**
 * What the jail pages and their API show, read from fail2ban on every call: the jails' counters, and a page of one
 * jail's bans. fail2ban prints ban times in the local time of the machine it runs on, which is this one.
 * @throws Fail2banException from every method, when fail2ban cannot be asked
 */
@Service
class JailsService {

	private final Fail2ban fail2ban;

	private final Clock clock;

	JailsService(Fail2ban fail2ban, Clock clock) {
		this.fail2ban = fail2ban;
		this.clock = clock;
	}

	List<JailSummary> overview() {
		return fail2ban.statusOfAllJails().stream().map(JailSummary::of).toList();
	}

	/**
	 * One {@link Fail2ban#banList} read, whatever the number of bans; a {@code status} run more only to tell an unknown
	 * jail from another refusal. Entries that cannot be read exactly are counted and shown apart, escaped.
	 * @throws UnknownJailException when fail2ban has no such jail
	 */
	BanPage bans(String jail, BanQuery query) {
		return BanPage.of(jail, read(jail), query, clock.instant(), ZoneId.systemDefault());
	}

	private BanList read(String jail) {
		try {
			return fail2ban.banList(jail);
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
