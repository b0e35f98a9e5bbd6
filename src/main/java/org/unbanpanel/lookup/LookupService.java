package org.unbanpanel.lookup;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.unbanpanel.core.AccountName;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.fail2ban.Ban;
import org.unbanpanel.fail2ban.Fail2ban;
import org.unbanpanel.fail2ban.Fail2banException;
import org.unbanpanel.pam.AccountLockException;
import org.unbanpanel.pam.AccountLocks;
import org.unbanpanel.pam.LockRecord;

/**
 * "Why can't this address or user log in?": the jails holding an address with the end of each ban, and the user's
 * failed logins. Costs one {@code banned} run, one {@code get <jail> banip --with-time} per jail that holds the
 * address, and one lock tool run for the user. A tool that does not answer is reported, not thrown.
 */
@Service
class LookupService {

	private final Fail2ban fail2ban;

	private final AccountLocks accountLocks;

	LookupService(Fail2ban fail2ban, AccountLocks accountLocks) {
		this.fail2ban = fail2ban;
		this.accountLocks = accountLocks;
	}

	LookupResult lookup(LookupQuery query) {
		String address = query.address().map(BanTarget::value).orElse(null);
		String user = query.user().map(AccountName::value).orElse(null);
		List<LookupResult.JailBan> bans = null;
		Explanation fail2banProblem = null;
		Instant notAnsweringSince = null;
		if (query.address().isPresent()) {
			try {
				bans = bans(query.address().get());
			}
			catch (Fail2banException ex) {
				fail2banProblem = ex.explanation();
			}
			notAnsweringSince = fail2ban.notAnsweringSince().orElse(null);
		}
		LockRecord lock = null;
		Explanation accountProblem = null;
		if (query.user().isPresent()) {
			try {
				lock = accountLocks.status(query.user().get());
			}
			catch (AccountLockException ex) {
				accountProblem = ex.explanation();
			}
		}
		return new LookupResult(address, bans, fail2banProblem, notAnsweringSince, user, lock, accountProblem);
	}

	private List<LookupResult.JailBan> bans(BanTarget target) {
		List<String> jails = fail2ban.whereBanned(List.of(target)).getOrDefault(target, List.of());
		return jails.stream()
			.flatMap(jail -> fail2ban.bans(jail)
				.stream()
				.filter(ban -> holds(target, ban))
				.map(ban -> new LookupResult.JailBan(jail, ban.address(), ban.start(), ban.end(), ban.permanent())))
			.toList();
	}

	/** Whether the ban is on the target itself or, for a network, on an address inside it. */
	private static boolean holds(BanTarget target, Ban ban) {
		return BanTarget.tryParse(ban.address()).map(target::covers).orElse(false);
	}

}
