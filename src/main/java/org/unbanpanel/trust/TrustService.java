package org.unbanpanel.trust;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unbanpanel.audit.AuditAction;
import org.unbanpanel.audit.AuditEntry;
import org.unbanpanel.audit.AuditTrail;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.fail2ban.Fail2ban;
import org.unbanpanel.fail2ban.Fail2banException;
import org.unbanpanel.hosts.HostName;
import org.unbanpanel.jobs.JobTrusts;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * "Unban and trust for a while": puts released addresses on every jail's ignore list of the host they were released
 * on and takes them off again when their time runs out; each host apart, one change at a time per host and several
 * hosts at once ({@link TrustHosts}), so that a host that cannot be reached keeps its trusts pending without holding
 * up the others'. Each trust is stored before fail2ban is asked to take it, also while fail2ban cannot be asked
 * at all, so a trust is never lost: an entry that reached an ignore list is always removed at its end, even after a
 * restart of the panel or of fail2ban, and a trust fail2ban could not take yet, or a list that lost a current trust
 * (fail2ban restarted or reloaded), gets it ({@link #maintain}). The timer is {@link TrustExpiry}. An address a jail
 * ignored before its trust (its configuration says so) stays on that jail's list at the end.
 */
@Service
public class TrustService {

	private static final Logger logger = LoggerFactory.getLogger(TrustService.class);

	private final TrustRepository trusts;

	private final TrustHosts hosts;

	private final AuditTrail audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	TrustService(TrustRepository trusts, TrustHosts hosts, AuditTrail audit, Clock clock,
			ApplicationEventPublisher events) {
		this.trusts = trusts;
		this.hosts = hosts;
		this.audit = audit;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Trusts the addresses on each host they were released on, the hosts side by side.
	 * @param addresses by host name
	 * @throws Fail2banException the first host's failure, once every host has had its turn; see
	 * {@link #trust(String, Collection, Duration, String, String, Long)}
	 */
	public void trust(Map<String, ? extends Collection<BanTarget>> addresses, Duration duration, String grantedBy,
			String clientAddress, Long jobId) {
		// every host's trust is pending until that host has taken it, so that the first host done does not tell the
		// job's page that the whole trust is applied; written where the hosts write theirs, outside the caller's
		// transaction, whose lock on the rows would hold them up
		hosts.apart(() -> addresses.keySet().forEach(host -> report(jobId, host, JobTrusts.Report.PENDING)));
		hosts.eachHost(addresses, (host, onHost) -> trust(host, onHost, duration, grantedBy, clientAddress, jobId));
	}

	/**
	 * Trusts the addresses on one host from now for the given time; an address trusted there already keeps the later
	 * end.
	 * @param grantedBy the user who asked for it
	 * @param clientAddress the address that user connects from
	 * @param jobId the job that released the addresses, or {@code null}
	 * @throws Fail2banException when fail2ban cannot be asked or cannot add them, recorded in the audit trail and for
	 * the job's page; the trusts are stored all the same, so that {@link #maintain} puts them on the lists when
	 * fail2ban answers, and whatever did get in is removed at their end
	 */
	public void trust(String host, Collection<BanTarget> addresses, Duration duration, String grantedBy,
			String clientAddress, Long jobId) {
		if (addresses.isEmpty() || duration.isZero() || duration.isNegative()) {
			return;
		}
		hosts.underLock(host, () -> trustOn(host, addresses, duration, grantedBy, clientAddress, jobId));
	}

	private void trustOn(String host, Collection<BanTarget> addresses, Duration duration, String grantedBy,
			String clientAddress, Long jobId) {
		Instant now = clock.instant();
		Instant end = now.plus(duration);
		Fail2ban fail2ban;
		List<String> jails;
		Map<BanTarget, List<String>> ignoredBefore;
		try {
			fail2ban = hosts.fail2banOn(host);
			jails = fail2ban.jails();
			ignoredBefore = ignoringJails(fail2ban, jails, addresses);
		}
		catch (Fail2banException ex) {
			addresses.forEach(
					address -> trusts.save(host, address.value(), now, end, grantedBy, clientAddress, jobId, null));
			throw notTaken(host, addresses, grantedBy, clientAddress, jobId, ex);
		}
		addresses.forEach(address -> trusts.save(host, address.value(), now, end, grantedBy, clientAddress, jobId,
				ignoredBefore.getOrDefault(address, List.of())));
		events.publishEvent(new TrustsChanged(false));
		try {
			fail2ban.addIgnore(jails, addresses);
		}
		catch (Fail2banException ex) {
			throw notTaken(host, addresses, grantedBy, clientAddress, jobId, ex);
		}
		trusts.applied(host, values(addresses));
		report(jobId, host, new JobTrusts.Report(true, null));
		audit.record(entries(addresses, grantedBy, clientAddress, AuditAction.TRUSTED, jobId, "until " + end));
	}

	/** fail2ban did not take the stored trusts: recorded, and the lists are to be checked until it does. */
	private Fail2banException notTaken(String host, Collection<BanTarget> addresses, String grantedBy,
			String clientAddress, Long jobId, Fail2banException ex) {
		audit.record(entries(addresses, grantedBy, clientAddress, AuditAction.TRUST_FAILED, jobId, ex.getMessage()));
		report(jobId, host, new JobTrusts.Report(false, ex.getMessage()));
		events.publishEvent(new TrustsChanged(true));
		return ex;
	}

	private void report(Long jobId, String host, JobTrusts.Report report) {
		if (jobId != null) {
			trusts.report(jobId, host, report);
		}
	}

	private static List<AuditEntry> entries(Collection<BanTarget> addresses, String user, String clientAddress,
			AuditAction action, Long jobId, String detail) {
		return addresses.stream()
			.map(address -> new AuditEntry(user, clientAddress, action, jobId, address.value(), detail))
			.toList();
	}

	/** The current trusts, the one ending first first. */
	public List<Trust> current() {
		return trusts.all();
	}

	/** How many trusts are current. */
	public int count() {
		return trusts.count();
	}

	/**
	 * Ends one trust now.
	 * @return the trust ended, or empty when none has this id (it ended already)
	 */
	public Optional<Trust> end(long id, String endedBy, String clientAddress) {
		Optional<Trust> trust = trusts.find(id);
		trust.ifPresent(ending -> {
			hosts.underLock(ending.host(), () -> release(ending.host(), List.of(ending)));
			audit.record(List.of(new AuditEntry(endedBy, clientAddress, AuditAction.TRUST_ENDED, ending.jobId(),
					ending.address(), "ended early")));
			events.publishEvent(new TrustsChanged(false));
		});
		return trust;
	}

	/**
	 * Ends the trusts whose time has run out, on each host apart.
	 * @return when the next trust ends, if any is left
	 * @throws RuntimeException the first host's failure, once every host has had its turn; that host's expired
	 * trusts stay until it answers
	 */
	Optional<Instant> expireDue() {
		hosts.eachHost(byHost(trusts.expiredBy(clock.instant())), this::expire);
		return trusts.nextExpiry();
	}

	private void expire(String host, List<Trust> expired) {
		release(host, expired);
		audit.record(expired.stream()
			.map(trust -> new AuditEntry(trust.createdBy(), trust.clientAddress(), AuditAction.TRUST_ENDED,
					trust.jobId(), trust.address(), "expired"))
			.toList());
	}

	/**
	 * Ends the trusts whose time has run out, also while the panel was stopped, and puts the others on every ignore
	 * list that lacks them: fail2ban empties the lists when it restarts or reloads, and it may not have taken a trust
	 * in the first place. A trust it takes now for the first time is recorded as such.
	 * @return when the next trust ends, if any is left
	 */
	Optional<Instant> maintain() {
		Optional<Instant> next = expireDue();
		hosts.eachHost(byHost(trusts.all()), this::maintain);
		return next;
	}

	/** Checks one host's lists for its current trusts. */
	private void maintain(String host, List<Trust> current) {
		Fail2ban fail2ban = hosts.fail2banOn(host);
		List<String> jails = fail2ban.jails();
		Map<BanTarget, List<String>> ignoring = ignoringJails(fail2ban, jails, targets(current));
		current.stream()
			.filter(trust -> trust.keptIn() == null)
			.forEach(trust -> trusts.keptIn(trust.id(),
					ignoring.getOrDefault(BanTarget.parse(trust.address()), List.of())));
		addWhereMissing(fail2ban, jails, ignoring, targets(current));
		applied(host, current.stream().filter(trust -> !trust.applied()).toList());
	}

	private void addWhereMissing(Fail2ban fail2ban, List<String> jails, Map<BanTarget, List<String>> ignoring, List<BanTarget> trusted) {
		Map<List<String>, List<BanTarget>> byMissingJails = new LinkedHashMap<>();
		for (BanTarget address : trusted) {
			List<String> missing = jails.stream()
				.filter(jail -> !ignoring.getOrDefault(address, List.of()).contains(jail))
				.toList();
			if (!missing.isEmpty()) {
				byMissingJails.computeIfAbsent(missing, key -> new ArrayList<>()).add(address);
			}
		}
		byMissingJails.forEach((missing, addresses) -> {
			fail2ban.addIgnore(missing, addresses);
			logger.info("Put {} trusted address(es) on the ignore lists of {}", addresses.size(), missing);
		});
	}

	/** Trusts fail2ban took only now, after it could not at first. */
	private void applied(String host, List<Trust> taken) {
		if (taken.isEmpty()) {
			return;
		}
		trusts.applied(host, taken.stream().map(Trust::address).toList());
		taken.stream()
			.map(Trust::jobId)
			.filter(Objects::nonNull)
			.distinct()
			.forEach(jobId -> trusts.report(jobId, host, new JobTrusts.Report(true, null)));
		audit.record(taken.stream()
			.map(trust -> new AuditEntry(trust.createdBy(), trust.clientAddress(), AuditAction.TRUSTED, trust.jobId(),
					trust.address(), "until " + trust.expiresAt()))
			.toList());
	}

	/** The jails whose ignore list holds each address already, from fail2ban's configuration or a trust. */
	private static Map<BanTarget, List<String>> ignoringJails(Fail2ban fail2ban, List<String> jails,
			Collection<BanTarget> addresses) {
		Map<BanTarget, List<String>> held = new HashMap<>();
		for (String jail : jails) {
			fail2ban.ignored(jail)
				.stream()
				.flatMap(entry -> BanTarget.tryParse(entry).stream())
				.filter(addresses::contains)
				.forEach(address -> held.computeIfAbsent(address, key -> new ArrayList<>()).add(jail));
		}
		return held;
	}

	/**
	 * Takes the addresses off the ignore lists, except those of the jails that held them before their trust. A trust
	 * whose earlier lists fail2ban never told was never put on any list: there is nothing to take off.
	 */
	private void release(String host, List<Trust> ending) {
		List<Trust> listed = ending.stream().filter(trust -> trust.keptIn() != null).toList();
		if (!listed.isEmpty()) {
			Fail2ban fail2ban = hosts.fail2banOn(host);
			List<String> jails = fail2ban.jails();
			listed.stream().collect(Collectors.groupingBy(Trust::keptIn)).forEach((keptIn, group) -> fail2ban
				.removeIgnore(jails.stream().filter(jail -> !keptIn.contains(jail)).toList(), targets(group)));
		}
		trusts.delete(ending.stream().map(Trust::id).toList());
	}

	/**
	 * What became of a job's trust on each host, by host name; empty until the trust module has heard that the job
	 * ended. A job that ended before trusts were kept per host has its one record as the local host's.
	 */
	Map<String, JobTrusts.Report> reportsOf(long jobId) {
		return trusts.reports(jobId);
	}

	/** A finished job's trust was asked for, but none of its addresses was left to trust anywhere. */
	void nothingToTrust(long jobId) {
		trusts.report(jobId, HostName.LOCAL.value(), new JobTrusts.Report(true, null));
	}

	private static Map<String, List<Trust>> byHost(List<Trust> trusts) {
		return trusts.stream().collect(Collectors.groupingBy(Trust::host, LinkedHashMap::new, Collectors.toList()));
	}

	private static List<BanTarget> targets(List<Trust> trusts) {
		return trusts.stream().map(trust -> BanTarget.parse(trust.address())).toList();
	}

	private static List<String> values(Collection<BanTarget> addresses) {
		return addresses.stream().map(BanTarget::value).toList();
	}

}
