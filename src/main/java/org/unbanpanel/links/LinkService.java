package org.unbanpanel.links;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.fail2ban.Fail2bans;
import org.unbanpanel.fail2ban.HeldBan;
import org.unbanpanel.hosts.HostAnswer;
import org.unbanpanel.hosts.HostName;
import org.unbanpanel.hosts.Hosts;
import org.unbanpanel.jobs.JobService;
import org.unbanpanel.jobs.ReleaseRequest;
import org.unbanpanel.security.SecretGuard;
import org.unbanpanel.security.SecretGuards;

/**
 * Makes, lists and revokes release links, and answers their public page. Every request of the page is a try of a
 * secret ({@link SecretGuard}): a token that is malformed or unknown is a wrong one, counted against the visitor's
 * address and written to the auth log; a throttled address is told to wait before its token is looked at.
 */
@Service
class LinkService {

	/** The user name of a wrong token in the auth log. */
	static final String AUTH_LOG_SUBJECT = "release-link";

	private static final int LISTED = 200;

	private final LinkRepository links;

	private final JobService jobs;

	private final Hosts hosts;

	private final Fail2bans fail2bans;

	private final LinksProperties properties;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final SecretGuard guard;

	private final SecureRandom random = new SecureRandom();

	LinkService(LinkRepository links, JobService jobs, Hosts hosts, Fail2bans fail2bans, SecretGuards guards,
			LinksProperties properties, ApplicationEventPublisher events, PlatformTransactionManager transactionManager,
			Clock clock) {
		this.links = links;
		this.jobs = jobs;
		this.hosts = hosts;
		this.fail2bans = fail2bans;
		this.properties = properties;
		this.events = events;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.guard = guards.guard(AUTH_LOG_SUBJECT, properties.throttle().limits());
	}

	/** A new link and its token, which is stored nowhere: the page that shows it after making it is the only one. */
	record Created(long id, String token) {
	}

	Created create(NewLink request, String username, String clientAddress) {
		String token = Token.generate(random);
		Instant now = clock.instant();
		long id = transactions.execute(status -> {
			long linkId = links.insert(Token.hash(token), request.note(), request.jails(), request.includeProtected(),
					request.trustFor(), request.uses(), now, username, now.plus(request.validFor()));
			events.publishEvent(new ReleaseLinkChanged(ReleaseLinkChanged.Change.CREATED, linkId, request.note(),
					username, clientAddress));
			return linkId;
		});
		return new Created(id, token);
	}

	/** @return whether the link was revoked now (else it is unknown or was revoked before) */
	boolean revoke(long id, String username, String clientAddress) {
		return transactions.execute(status -> {
			Optional<ReleaseLink> link = links.find(id);
			boolean revoked = link.isPresent() && links.revoke(id, clock.instant(), username);
			if (revoked) {
				events.publishEvent(new ReleaseLinkChanged(ReleaseLinkChanged.Change.REVOKED, id, link.get().note(),
						username, clientAddress));
			}
			return revoked;
		});
	}

	/** The latest links, newest first. */
	List<ReleaseLink> recent() {
		return links.recent(LISTED);
	}

	Optional<ReleaseLink> find(long id) {
		return links.find(id);
	}

	/** A link's uses, newest first. */
	List<LinkUse> uses(long id) {
		return links.uses(id);
	}

	/** What the link's page shows the visitor. */
	Visit visit(String token, String address) {
		return guarded(token, address, link -> {
			ReleaseLink.State state = link.state(clock.instant());
			return state == ReleaseLink.State.ACTIVE ? scope(link, address) : Visit.closed(state, address);
		});
	}

	/**
	 * The page's button: releases the visitor's address from the link's jails that hold it, through a job, and counts
	 * one use; releases nothing when the link is used up, expired or revoked, or nothing it may release holds the
	 * address. Each try on a known link is recorded with what came of it.
	 */
	Visit release(String token, String address) {
		return guarded(token, address, link -> {
			Instant now = clock.instant();
			ReleaseLink.State state = link.state(now);
			if (state != ReleaseLink.State.ACTIVE) {
				return refused(link, address, now, state);
			}
			Visit scope = scope(link, address);
			if (scope.kind() == Visit.Kind.OPEN && !scope.offersRelease()) {
				links.recordUse(link.id(), now, address,
						scope.adminOnly().isEmpty() ? LinkUse.Outcome.NOT_BANNED : LinkUse.Outcome.ADMIN_ONLY, null);
			}
			if (!scope.offersRelease()) {
				return scope;
			}
			if (!links.claimUse(link.id(), now)) {
				ReleaseLink.State later = links.find(link.id()).map(again -> again.state(now)).orElseThrow();
				return refused(link, address, now,
						later == ReleaseLink.State.ACTIVE ? ReleaseLink.State.USED_UP : later);
			}
			return queue(link, address, scope, now);
		});
	}

	/** What became of one of the visitor's uses of the link; unknown for a use of another link or address. */
	Visit result(String token, String address, long useId) {
		return guarded(token, address, link -> links.use(useId)
			.filter(use -> use.linkId() == link.id() && use.clientAddress().equals(address) && use.jobId() != null)
			.flatMap(use -> jobs.find(use.jobId()))
			.map(job -> Visit.result(address, job))
			.orElseGet(() -> Visit.of(Visit.Kind.UNKNOWN, address)));
	}

	private Visit guarded(String token, String address, Function<ReleaseLink, Visit> known) {
		SecretGuard.Try attempt;
		try {
			attempt = guard.begin(address);
		}
		catch (SecretGuard.Refused refused) {
			return Visit.throttled(address, refused.retryAfterSeconds());
		}
		try (attempt) {
			Optional<ReleaseLink> link = Token.wellFormed(token) ? links.byTokenHash(Token.hash(token))
				.filter(stored -> Token.matches(stored.tokenHash(), token))
				.map(LinkRepository.Stored::link) : Optional.empty();
			if (link.isEmpty()) {
				attempt.wrong();
				return Visit.of(Visit.Kind.UNKNOWN, address);
			}
			return known.apply(link.get());
		}
	}

	/**
	 * The link's jails that hold the address on any host, the hosts asked at once, split into those it may release the
	 * address from and those only an admin may: a wider network's ban is never released through a link, nor a
	 * protected jail's unless the link includes them. A host that cannot be asked may hold it unseen: when another
	 * holds it, the job releases it on that host too, once it answers (as Lookup's "Release everything" does), and
	 * the visitor's page waits for it; when none that answered holds it, whether it is blocked cannot be said.
	 */
	private Visit scope(ReleaseLink link, String address) {
		Optional<BanTarget> target = BanTarget.tryParse(address).filter(parsed -> !parsed.isNetwork());
		if (target.isEmpty()) {
			return Visit.open(address, List.of(), List.of(), Visit.Release.NOTHING);
		}
		List<HostAnswer<List<HeldBan>>> answers = hosts.ask(host -> fail2bans.on(host)
			.whereBanned(List.of(target.get()))
			.getOrDefault(target.get(), List.of())
			.stream()
			.filter(ban -> link.names(ban.jail()))
			.toList());
		List<HostAnswer<List<HeldBan>>> holding = answers.stream()
			.filter(answer -> answer.answered() && !answer.value().isEmpty())
			.toList();
		boolean unasked = !answers.stream().allMatch(HostAnswer::answered);
		if (holding.isEmpty() && unasked) {
			return Visit.of(Visit.Kind.FAIL2BAN_SILENT, address);
		}
		List<String> releasable = jails(holding, ban -> releasable(link, ban));
		List<HostName> releaseOn = answers.stream()
			.filter(answer -> !answer.answered() || answer.value().stream().anyMatch(ban -> releasable(link, ban)))
			.map(HostAnswer::host)
			.toList();
		List<String> releaseFrom = unasked ? Stream.concat(releasable.stream(), mayRelease(link).stream())
			.distinct()
			.toList() : releasable;
		return Visit.open(address, releasable, jails(holding, ban -> !releasable(link, ban)),
				new Visit.Release(releaseOn, releaseFrom));
	}

	/** The jails the link may release an address from: its own, or every host's; a protected one only if it says so. */
	private List<String> mayRelease(ReleaseLink link) {
		return (link.jails().isEmpty() ? jails().names() : link.jails()).stream()
			.filter(jail -> link.includeProtected() || !properties.protectedJails().contains(jail))
			.toList();
	}

	/** The jails a link may name, and the hosts whose fail2ban did not answer, whose jails may be missing from them. */
	record Jails(List<String> names, List<String> unanswered) {

		Jails {
			names = List.copyOf(names);
			unanswered = List.copyOf(unanswered);
		}

	}

	/** The jails a link may name: every host's, the hosts asked at once, each jail once. */
	Jails jails() {
		List<HostAnswer<List<String>>> answers = hosts.ask(host -> fail2bans.on(host).jails());
		List<String> names = answers.stream()
			.filter(HostAnswer::answered)
			.flatMap(answer -> answer.value().stream())
			.distinct()
			.toList();
		List<String> unanswered = answers.stream()
			.filter(answer -> !answer.answered())
			.map(answer -> answer.host().value())
			.toList();
		return new Jails(names, unanswered);
	}

	private static List<String> jails(List<HostAnswer<List<HeldBan>>> holding, Predicate<HeldBan> which) {
		return holding.stream()
			.flatMap(answer -> answer.value().stream())
			.filter(which)
			.map(HeldBan::jail)
			.distinct()
			.toList();
	}

	private boolean releasable(ReleaseLink link, HeldBan ban) {
		return ban.overlap() == HeldBan.Overlap.OWN
				&& (link.includeProtected() || !properties.protectedJails().contains(ban.jail()));
	}

	/** Queues the job (the use is counted already, and given back if the job cannot be stored). */
	private Visit queue(ReleaseLink link, String address, Visit scope, Instant now) {
		BanTarget visitor = BanTarget.parse(address);
		long jobId;
		try {
			Visit.Release release = scope.release();
			jobId = jobs.submit(new ReleaseRequest(List.of(visitor), List.of(), link.trustFor(), release.jails(),
					release.hosts()), link.actor(), address);
		}
		catch (RuntimeException ex) {
			links.returnUse(link.id());
			throw ex;
		}
		long useId = transactions.execute(status -> {
			long id = links.recordUse(link.id(), now, address, LinkUse.Outcome.RELEASED, jobId);
			events.publishEvent(new ReleaseLinkUsed(link.id(), link.note(), visitor, jobId, now));
			return id;
		});
		return Visit.releasing(address, useId);
	}

	private Visit refused(ReleaseLink link, String address, Instant now, ReleaseLink.State state) {
		links.recordUse(link.id(), now, address, LinkUse.Outcome.of(state), null);
		return Visit.closed(state, address);
	}

}
