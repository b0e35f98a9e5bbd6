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
import org.unbanpanel.fail2ban.Fail2bans;
import org.unbanpanel.fail2ban.HeldBan;
import org.unbanpanel.hosts.Host;
import org.unbanpanel.hosts.HostAnswer;
import org.unbanpanel.hosts.Hosts;
import org.unbanpanel.pam.AccountLockException;
import org.unbanpanel.pam.AccountLocks;
import org.unbanpanel.pam.AccountLocksOnHosts;
import org.unbanpanel.pam.LockPolicies;
import org.unbanpanel.pam.LockPolicy;
import org.unbanpanel.pam.LockRecord;
import org.unbanpanel.pam.LockState;

/**
 * "Why can't this address or user log in?", asked of every host at once ({@link Hosts#ask}: each remote host within
 * the command timeout): every ban that blocks an address there (its own entry and every banned network around it, in
 * every jail) and, for a network, every ban inside it, each with its start and end; the user's failed logins there.
 * On the local machine also the evidence behind each own ban, the address's ban history, when the user's lock ends
 * and the accounts the evidence names that are locked right now: they come from this machine's log files and PAM
 * stack, so another host's result says its evidence is not available rather than read the wrong machine. Costs per
 * host one {@code banned} run, one {@code get <jail> banip --with-time} per jail that holds one of those bans and one
 * lock tool run per account; locally also the sources and findtime of each jail that holds the address and one
 * {@code get logtarget}. A tool that does not answer is reported, not thrown, and then nothing is claimed about what
 * it would have said; a host that cannot be reached says so, and the others answer.
 */
@Service
class LookupService {

	/** How many of the accounts the evidence names are asked about their lock; the most failing first. */
	private static final int MAX_ACCOUNTS_ASKED = 10;

	private final Hosts hosts;

	private final Fail2bans fail2bans;

	private final AccountLocksOnHosts accountLocks;

	private final EvidenceService evidence;

	private final LockPolicies policies;

	private final Clock clock;

	LookupService(Hosts hosts, Fail2bans fail2bans, AccountLocksOnHosts accountLocks, EvidenceService evidence,
			LockPolicies policies, Clock clock) {
		this.hosts = hosts;
		this.fail2bans = fail2bans;
		this.accountLocks = accountLocks;
		this.evidence = evidence;
		this.policies = policies;
		this.clock = clock;
	}

	LookupResults lookup(LookupQuery query) {
		List<LookupResult> results = hosts.ask(host -> new OnHost(host).lookup(query))
			.stream()
			.map(answer -> answer.answered() ? answer.value() : unanswered(answer))
			.toList();
		return new LookupResults(query.address().map(BanTarget::value).orElse(null),
				query.user().map(AccountName::value).orElse(null), results);
	}

	private static LookupResult unanswered(HostAnswer<LookupResult> answer) {
		return LookupResult.unreachable(answer.host().value(), answer.isLocal(), answer.problem());
	}

	/** One host's side of a lookup, over that host's fail2ban and account locks. */
	private final class OnHost {

		private final Host host;

		private final Fail2ban fail2ban;

		private final AccountLocks locks;

		OnHost(Host host) {
			this.host = host;
			this.fail2ban = fail2bans.on(host);
			this.locks = accountLocks.on(host);
		}

		LookupResult lookup(LookupQuery query) {
			Found found;
			try {
				found = query.address().map(this::found).orElse(new Found(null, null, null, null));
			}
			catch (Fail2banException ex) {
				if (ex.hostUnreachable()) {
					return LookupResult.unreachable(host.name().value(), host.isLocal(), ex.explanation());
				}
				found = new Found(null, ex.explanation(), null, null);
			}
			String address = query.address().map(BanTarget::value).orElse(null);
			String user = query.user().map(AccountName::value).orElse(null);
			Accounts accounts = new Accounts();
			if (query.user().isPresent() || found.namesAccounts()) {
				accounts.read(query.user(), found.accounts());
			}
			Instant notAnsweringSince = query.address().isPresent() ? fail2ban.notAnsweringSince().orElse(null) : null;
			return new LookupResult(host.name().value(), host.isLocal(), null, address, found.bans(), found.problem(),
					notAnsweringSince, found.history(), found.lastBan(), user, accounts.lock, accounts.lockState,
					accounts.problem, accounts.policyProblem, accounts.locked);
		}

		/**
		 * The bans of the address, with their evidence and its history on the local machine.
		 * @throws Fail2banException when fail2ban cannot be asked
		 */
		private Found found(BanTarget target) {
			List<LookupResult.JailBan> bans = bans(target);
			if (target.isNetwork() || !host.isLocal()) {
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
			return new Found(withEvidence, null, explained.history(),
					own.isEmpty() ? lastBan(target, explained.history()) : null);
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
						lock = locks.status(user.get());
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

			/**
			 * The host's lock policy, read from its own PAM stack; none when no tool keeps locks, or when it cannot be
			 * read (then it says why).
			 */
			private Optional<LockPolicy> policy() {
				try {
					return Optional.of(policies.on(host, locks));
				}
				catch (AccountLockException ex) {
					if (!keepsNoLocks()) {
						policyProblem = ex.explanation();
					}
					return Optional.empty();
				}
			}

			private boolean keepsNoLocks() {
				try {
					return !locks.managed();
				}
				catch (AccountLockException ex) {
					return false;
				}
			}

			/** The accounts the evidence names that are valid user names and locked now, the user looked up left out. */
			private List<LookupResult.NamedLock> locked(Set<String> named, Optional<AccountName> user,
					LockPolicy policy) {
				List<LookupResult.NamedLock> found = new ArrayList<>();
				named.stream()
					.flatMap(name -> accountName(name).stream())
					.filter(name -> user.map(looked -> !looked.equals(name)).orElse(true))
					.limit(MAX_ACCOUNTS_ASKED)
					.forEach(name -> {
						LockRecord record = locks.status(name);
						LockState state = policy.state(record, clock.instant(), ZoneId.systemDefault());
						if (state.locked()) {
							found.add(new LookupResult.NamedLock(name.value(), record, state));
						}
					});
				return found;
			}

		}

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

	/** A name the evidence found, when it is one a lock tool may be asked about (mail accounts such as alice@… are not). */
	private static Optional<AccountName> accountName(String name) {
		try {
			return Optional.of(AccountName.parse(name));
		}
		catch (InvalidValueException ex) {
			return Optional.empty();
		}
	}

	/** What fail2ban's side of a lookup found on one host. */
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
