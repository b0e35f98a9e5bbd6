package org.unbanpanel.lookup;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;
import org.unbanpanel.core.AccountName;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.core.InvalidValueException;
import org.unbanpanel.evidence.Evidence;
import org.unbanpanel.evidence.EvidenceService;
import org.unbanpanel.evidence.History;
import org.unbanpanel.fail2ban.Ban;
import org.unbanpanel.fail2ban.Fail2ban;
import org.unbanpanel.fail2ban.Fail2banException;
import org.unbanpanel.fail2ban.HeldBan;
import org.unbanpanel.pam.AccountLockException;
import org.unbanpanel.pam.AccountLocks;
import org.unbanpanel.pam.LockPolicies;
import org.unbanpanel.pam.LockPolicy;
import org.unbanpanel.pam.LockRecord;
import org.unbanpanel.pam.LockState;

/**
 * "Why can't this address or user log in?": every ban that blocks an address (its own entry and every banned network
 * around it, in every jail) and, for a network, every ban inside it, each with its start and end and, for the
 * address's own bans, the evidence behind it; the address's ban history, the user's failed logins and when their
 * lock ends, and the accounts the evidence names that are locked right now. Costs one {@code banned} run, one
 * {@code get <jail> banip --with-time} per jail that holds one of those bans, the sources and findtime of each jail
 * that holds the address, one {@code get logtarget}, and one lock tool run per account. A tool that does not answer
 * is reported, not thrown, and then nothing is claimed about what it would have said.
 */
@Service
class LookupService {

	/** How many of the accounts the evidence names are asked about their lock; the most failing first. */
	private static final int MAX_ACCOUNTS_ASKED = 10;

	private final Fail2ban fail2ban;

	private final AccountLocks accountLocks;

	private final EvidenceService evidence;

	private final LockPolicies policies;

	private final Clock clock;

	LookupService(Fail2ban fail2ban, AccountLocks accountLocks, EvidenceService evidence, LockPolicies policies,
			Clock clock) {
		this.fail2ban = fail2ban;
		this.accountLocks = accountLocks;
		this.evidence = evidence;
		this.policies = policies;
		this.clock = clock;
	}

	LookupResult lookup(LookupQuery query) {
		Found found = query.address().map(this::found).orElse(new Found(null, null, null, null));
		String address = query.address().map(BanTarget::value).orElse(null);
		String user = query.user().map(AccountName::value).orElse(null);
		Accounts accounts = new Accounts();
		if (query.user().isPresent() || found.namesAccounts()) {
			accounts.read(query.user(), found.accounts());
		}
		Instant notAnsweringSince = query.address().isPresent() ? fail2ban.notAnsweringSince().orElse(null) : null;
		return new LookupResult(address, found.bans(), found.problem(), notAnsweringSince, found.history(),
				found.lastBan(), user,
				accounts.lock, accounts.lockState, accounts.problem, accounts.policyProblem, accounts.locked);
	}

	/** The account side of a lookup: the user's lock and its countdown, the locked accounts the evidence names. */
	private final class Accounts {

		private LockRecord lock;

		private LockState lockState;

		private Explanation problem;

		private Explanation policyProblem;

		private List<LookupResult.NamedLock> locked = List.of();

		void read(Optional<AccountName> user, Set<String> named) {
			Optional<LockPolicy> policy = policy();
			if (user.isPresent()) {
				try {
					lock = accountLocks.status(user.get());
					lockState = policy.map(known -> known.state(lock, clock.instant(), ZoneId.systemDefault()))
						.orElse(null);
				}
				catch (AccountLockException ex) {
					problem = ex.explanation();
				}
			}
			try {
				locked = policy.map(known -> locked(named, user, known)).orElse(List.of());
			}
			catch (AccountLockException ex) {
				problem = ex.explanation();
			}
		}

		/** The lock policy; none when no tool keeps locks, or when it cannot be read (then it says why). */
		private Optional<LockPolicy> policy() {
			try {
				return Optional.of(policies.current());
			}
			catch (AccountLockException ex) {
				if (!"none".equals(accountLocks.backend())) {
					policyProblem = ex.explanation();
				}
				return Optional.empty();
			}
		}

	}

	/** The bans of the address with their evidence, and its history; or why fail2ban could not be asked. */
	private Found found(BanTarget target) {
		List<LookupResult.JailBan> bans;
		try {
			bans = bans(target);
		}
		catch (Fail2banException ex) {
			return new Found(null, ex.explanation(), null, null);
		}
		if (target.isNetwork()) {
			return new Found(bans, null, null, null);
		}
		List<EvidenceService.CurrentBan> own = bans.stream()
			.filter(LookupResult.JailBan::own)
			.map(ban -> new EvidenceService.CurrentBan(ban.jail(), ban.start()))
			.toList();
		EvidenceService.Explanation explained = evidence.explain(target, own);
		List<LookupResult.JailBan> withEvidence = new ArrayList<>();
		int next = 0;
		for (LookupResult.JailBan ban : bans) {
			withEvidence.add(ban.own() ? withEvidence(ban, explained.evidence().get(next++)) : ban);
		}
		return new Found(withEvidence, null, explained.history(), own.isEmpty() ? lastBan(target, explained.history())
				: null);
	}

	/** The evidence of the address's latest ban in the history, for an address banned nowhere now (released, or run out). */
	private Evidence lastBan(BanTarget target, History history) {
		if (history.bans().isEmpty()) {
			return null;
		}
		History.PastBan last = history.bans().get(history.bans().size() - 1);
		return evidence.forBan(last.jail(), target, LocalDateTime.ofInstant(last.at(), ZoneId.systemDefault()));
	}

	private static LookupResult.JailBan withEvidence(LookupResult.JailBan ban, Evidence evidence) {
		return new LookupResult.JailBan(ban.jail(), ban.entry(), ban.start(), ban.end(), ban.permanent(), ban.overlap(),
				evidence);
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
						timed.permanent(), ban.overlap(), null))));
		});
		return bans;
	}

	/** The accounts the evidence names that are valid user names and locked right now, the user looked up left out. */
	private List<LookupResult.NamedLock> locked(Set<String> named, Optional<AccountName> user, LockPolicy policy) {
		List<LookupResult.NamedLock> locked = new ArrayList<>();
		named.stream()
			.flatMap(name -> accountName(name).stream())
			.filter(name -> user.map(looked -> !looked.equals(name)).orElse(true))
			.limit(MAX_ACCOUNTS_ASKED)
			.forEach(name -> {
				LockRecord lock = accountLocks.status(name);
				LockState state = policy.state(lock, clock.instant(), ZoneId.systemDefault());
				if (state.locked()) {
					locked.add(new LookupResult.NamedLock(name.value(), lock, state));
				}
			});
		return locked;
	}

	/** A name the evidence found, when it is one a lock tool may be asked about (mail accounts such as alice@… are not). */
	private static Optional<AccountName> accountName(String name) {
		try {
			return Optional.of(AccountName.parse(name));
		}
		catch (InvalidValueException ex) {
			return Optional.empty();
		}
	}

	/** What fail2ban's side of a lookup found. */
	private record Found(List<LookupResult.JailBan> bans, Explanation problem, History history, Evidence lastBan) {

		/** The accounts the evidence names, the most failing first. */
		Set<String> accounts() {
			Set<String> accounts = new LinkedHashSet<>();
			Stream.concat(bans == null ? Stream.empty() : bans.stream().map(LookupResult.JailBan::evidence),
					Stream.ofNullable(lastBan))
				.filter(Objects::nonNull)
				.flatMap(evidence -> evidence.accounts().stream())
				.forEach(account -> accounts.add(account.account()));
			return accounts;
		}

		boolean namesAccounts() {
			return !accounts().isEmpty();
		}

	}

}
