package org.unbanpanel.lookup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.unbanpanel.core.AccountName;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.fail2ban.Ban;
import org.unbanpanel.fail2ban.Fail2ban;
import org.unbanpanel.fail2ban.Fail2banException;
import org.unbanpanel.fail2ban.HeldBan;
import org.unbanpanel.pam.AccountLockException;
import org.unbanpanel.pam.AccountLocks;
import org.unbanpanel.pam.LockRecord;

/**
 * "Why can't this address or user log in?": every ban that blocks an address (its own entry and every banned network
 * around it, in every jail) and, for a network, every ban inside it, each with its start and end; and the user's
 * failed logins. Costs one {@code banned} run, one {@code get <jail> banip --with-time} per jail that holds one of
 * those bans, and one lock tool run for the user. A tool that does not answer is reported, not thrown, and then
 * nothing is claimed about what it would have said.
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
		if (query.address().isPresent()) {
			try {
				bans = bans(query.address().get());
			}
			catch (Fail2banException ex) {
				fail2banProblem = ex.explanation();
			}
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
		return new LookupResult(address, bans, fail2banProblem, user, lock, accountProblem);
	}

	private List<LookupResult.JailBan> bans(BanTarget target) {
		Map<String, List<HeldBan>> byJail = fail2ban.whereBanned(List.of(target))
			.getOrDefault(target, List.of())
			.stream()
			.collect(Collectors.groupingBy(HeldBan::jail, LinkedHashMap::new, Collectors.toList()));
		List<LookupResult.JailBan> bans = new ArrayList<>();
		byJail.forEach((jail, held) -> {
			Map<String, Ban> withTimes = fail2ban.bans(jail)
				.stream()
				.collect(Collectors.toMap(Ban::address, ban -> ban, (first, second) -> first));
			held.forEach(ban -> Optional.ofNullable(withTimes.get(ban.entry()))
				.ifPresent(timed -> bans.add(new LookupResult.JailBan(jail, ban.entry(), timed.start(), timed.end(),
						timed.permanent(), ban.overlap()))));
		});
		return bans;
	}

}
