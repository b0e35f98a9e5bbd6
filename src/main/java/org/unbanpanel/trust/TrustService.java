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

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * "Unban and trust for a while": puts released addresses on every jail's ignore list and takes them off again when
 * their time runs out. Each trust is stored before fail2ban is asked, so an entry that reached an ignore list is
 * always removed at its end, even after a restart of the panel or of fail2ban; and a list that lost a current trust
 * (fail2ban restarted or reloaded) gets it back. The timer is {@link TrustExpiry}. An address a jail ignored before
 * its trust (its configuration says so) stays on that jail's list at the end.
 */
@Service
public class TrustService {

	private static final Logger logger = LoggerFactory.getLogger(TrustService.class);

	private final TrustRepository trusts;

	private final Fail2ban fail2ban;

	private final AuditTrail audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	TrustService(TrustRepository trusts, Fail2ban fail2ban, AuditTrail audit, Clock clock,
			ApplicationEventPublisher events) {
		this.trusts = trusts;
		this.fail2ban = fail2ban;
		this.audit = audit;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Trusts the addresses from now for the given time; an address trusted already keeps the later end.
	 * @param grantedBy the user who asked for it
	 * @param clientAddress the address that user connects from
	 * @param jobId the job that released the addresses, or {@code null}
	 * @throws Fail2banException when fail2ban cannot add them, recorded in the audit trail; the stored trusts stay, so
	 * that whatever did get in is removed at their end, and {@link #maintain} adds them again
	 */
	public synchronized void trust(Collection<BanTarget> addresses, Duration duration, String grantedBy,
			String clientAddress, Long jobId) {
		if (addresses.isEmpty() || duration.isZero() || duration.isNegative()) {
			return;
		}
		Instant now = clock.instant();
		Instant end = now.plus(duration);
		try {
			List<String> jails = fail2ban.jails();
			Map<BanTarget, List<String>> ignoredBefore = ignoringJails(jails, addresses);
			addresses.forEach(address -> trusts.save(address.value(), now, end, grantedBy, clientAddress, jobId,
					ignoredBefore.getOrDefault(address, List.of())));
			events.publishEvent(new TrustsChanged());
			fail2ban.addIgnore(jails, addresses);
		}
		catch (Fail2banException ex) {
			audit.record(
					entries(addresses, grantedBy, clientAddress, AuditAction.TRUST_FAILED, jobId, ex.getMessage()));
			throw ex;
		}
		audit.record(entries(addresses, grantedBy, clientAddress, AuditAction.TRUSTED, jobId, "until " + end));
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

	/**
	 * Ends one trust now.
	 * @return the trust ended, or empty when none has this id (it ended already)
	 */
	public synchronized Optional<Trust> end(long id, String endedBy, String clientAddress) {
		Optional<Trust> trust = trusts.find(id);
		trust.ifPresent(ending -> {
			release(List.of(ending));
			audit.record(List.of(new AuditEntry(endedBy, clientAddress, AuditAction.TRUST_ENDED, ending.jobId(),
					ending.address(), "ended early")));
			events.publishEvent(new TrustsChanged());
		});
		return trust;
	}

	/**
	 * Ends the trusts whose time has run out.
	 * @return when the next trust ends, if any is left
	 */
	synchronized Optional<Instant> expireDue() {
		List<Trust> expired = trusts.expiredBy(clock.instant());
		if (!expired.isEmpty()) {
			release(expired);
			audit.record(expired.stream()
				.map(trust -> new AuditEntry(trust.createdBy(), trust.clientAddress(), AuditAction.TRUST_ENDED,
						trust.jobId(), trust.address(), "expired"))
				.toList());
		}
		return trusts.nextExpiry();
	}

	/**
	 * Ends the trusts whose time has run out, also while the panel was stopped, and puts the others back on every
	 * ignore list that lacks them: fail2ban empties the lists when it restarts or reloads, and it may have refused a
	 * trust in the first place.
	 * @return when the next trust ends, if any is left
	 */
	synchronized Optional<Instant> maintain() {
		Optional<Instant> next = expireDue();
		List<Trust> current = trusts.all();
		if (!current.isEmpty()) {
			addWhereMissing(targets(current));
		}
		return next;
	}

	private void addWhereMissing(List<BanTarget> trusted) {
		List<String> jails = fail2ban.jails();
		Map<BanTarget, List<String>> ignoring = ignoringJails(jails, trusted);
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
			logger.info("Put {} trusted address(es) back on the ignore lists of {}", addresses.size(), missing);
		});
	}

	/** The jails whose ignore list holds each address already, from fail2ban's configuration or a trust. */
	private Map<BanTarget, List<String>> ignoringJails(List<String> jails, Collection<BanTarget> addresses) {
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

	/** Takes the addresses off the ignore lists, except those of the jails that held them before their trust. */
	private void release(List<Trust> ending) {
		List<String> jails = fail2ban.jails();
		ending.stream().collect(Collectors.groupingBy(Trust::keptIn)).forEach((keptIn, group) -> fail2ban
			.removeIgnore(jails.stream().filter(jail -> !keptIn.contains(jail)).toList(), targets(group)));
		trusts.delete(ending.stream().map(Trust::id).toList());
	}

	private static List<BanTarget> targets(List<Trust> trusts) {
		return trusts.stream().map(trust -> BanTarget.parse(trust.address())).toList();
	}

}
