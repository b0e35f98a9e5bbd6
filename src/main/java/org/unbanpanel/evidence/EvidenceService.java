package org.unbanpanel.evidence;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.unbanpanel.audit.AuditAction;
import org.unbanpanel.audit.AuditEvent;
import org.unbanpanel.audit.AuditFilter;
import org.unbanpanel.audit.AuditTrail;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.evidence.SourceProblem.Reason;
import org.unbanpanel.exec.CommandRunner;
import org.unbanpanel.fail2ban.Ban;
import org.unbanpanel.fail2ban.Fail2ban;
import org.unbanpanel.fail2ban.Fail2banException;
import org.unbanpanel.fail2ban.JailSettings;
import org.unbanpanel.fail2ban.LogSources;

/**
 * Why an address was banned, and how often: the evidence behind a ban, read from the jail's own sources in the window
 * fail2ban used, and the address's ban history from fail2ban's own log and the audit trail. Everything is read with
 * the panel user's own rights; fail2ban is asked only where its jails and its log are (read-only fail2ban-client
 * runs). A source or a tool that cannot be read is reported in the answer, never thrown.
 */
@Service
public class EvidenceService {

	/** fail2ban logs to the journal under this program name when its {@code logtarget} is SYSTEMD-JOURNAL. */
	private static final List<String> FAIL2BAN_IN_JOURNAL = List.of("_COMM=fail2ban-server");

	/** How many of an address's latest bans in a jail are read for the accounts behind them. */
	private static final int MAX_BANS_READ = 50;

	/** How many of the audit trail's latest events for an address are looked through for its last release. */
	private static final int AUDIT_EVENTS_READ = 100;

	private final JailSettings settings;

	private final Fail2ban fail2ban;

	private final AuditTrail audit;

	private final EvidenceProperties properties;

	private final SourceReader sources;

	private final LogFiles files;

	private final Journal journal;

	private final Clock clock;

	private final ZoneId zone = ZoneId.systemDefault();

	EvidenceService(JailSettings settings, Fail2ban fail2ban, AuditTrail audit, CommandRunner runner,
			EvidenceProperties properties, Clock clock) {
		this.settings = settings;
		this.fail2ban = fail2ban;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
		this.files = new LogFiles(zone, properties.maxBytes().toBytes(), properties.maxLines());
		this.journal = new Journal(runner, properties.journalctl(), properties.journalDirectory(),
				properties.maxLines());
		this.sources = new SourceReader(files, journal);
	}

	/** A ban an address holds right now: its jail, and its start in the server's local time as fail2ban prints it. */
	public record CurrentBan(String jail, LocalDateTime start) {
	}

	/** The evidence behind each of an address's current bans, in their order, and the address's history. */
	public record Explanation(List<Evidence> evidence, History history) {
	}

	/**
	 * The evidence behind a ban.
	 * @param banStart when the ban started, in the server's local time as fail2ban prints it
	 * @throws IllegalArgumentException for a network: a network ban comes from an administrator or an action, never
	 * from log lines
	 */
	public Evidence forBan(String jail, BanTarget address, LocalDateTime banStart) {
		return forBan(jail, address, banStart, new HashMap<>());
	}

	/**
	 * The evidence behind each of the address's current bans and its history at once, asking fail2ban for each
	 * jail's sources only once.
	 */
	public Explanation explain(BanTarget address, List<CurrentBan> bans) {
		Map<String, JailInputs> inputs = new HashMap<>();
		List<Evidence> evidence = bans.stream().map(ban -> forBan(ban.jail(), address, ban.start(), inputs)).toList();
		return new Explanation(evidence, history(address, inputs));
	}

	private Evidence forBan(String jail, BanTarget address, LocalDateTime banStart, Map<String, JailInputs> inputs) {
		if (address.isNetwork()) {
			throw new IllegalArgumentException(address + " is a network: no log line leads to a network ban");
		}
		Instant start = banStart.atZone(zone).toInstant();
		JailInputs jailInputs;
		try {
			jailInputs = inputs(jail, inputs);
		}
		catch (Fail2banException ex) {
			return new Evidence(jail, address.value(), start, null, 0, null, null, List.of(), List.of(), List.of(), 0,
					0, List.of(), List.of(), null, ex.explanation());
		}
		Window window = window(start, jailInputs.findTime());
		return EvidenceSummary.of(jail, address, start, jailInputs.findTime(), SourceReader.names(jailInputs.sources()),
				sources.read(jailInputs.sources(), address, List.of(window)), properties.shownLines(),
				properties.lineLength());
	}

	/** What fail2ban says of a jail that evidence needs: its sources and its findtime. */
	private record JailInputs(LogSources sources, Duration findTime) {
	}

	private JailInputs inputs(String jail, Map<String, JailInputs> known) {
		JailInputs inputs = known.get(jail);
		if (inputs == null) {
			inputs = new JailInputs(settings.logSources(jail), settings.findTime(jail));
			known.put(jail, inputs);
		}
		return inputs;
	}

	/**
	 * The evidence behind the address's ban in the jail: the current one, or when it is no longer banned there the
	 * last one fail2ban's log records; empty when there is neither.
	 */
	public Optional<Evidence> forLatestBan(String jail, BanTarget address) {
		Optional<LocalDateTime> current = fail2ban.bans(jail)
			.stream()
			.filter(ban -> BanTarget.tryParse(ban.address()).filter(address::equals).isPresent())
			.map(Ban::start)
			.findFirst();
		if (current.isPresent()) {
			return Optional.of(forBan(jail, address, current.get()));
		}
		return history(address).bans()
			.stream()
			.filter(ban -> ban.jail().equals(jail))
			.reduce((first, second) -> second)
			.map(ban -> forBan(jail, address, LocalDateTime.ofInstant(ban.at(), zone)));
	}

	/** The address's bans in the last {@code panel.evidence.history}, per jail with the accounts behind them. */
	public History history(BanTarget address) {
		return history(address, new HashMap<>());
	}

	private History history(BanTarget address, Map<String, JailInputs> inputs) {
		Instant now = clock.instant();
		Window period = new Window(now.minus(properties.history()).getEpochSecond(), now.getEpochSecond());
		History.Release release = lastRelease(address);
		String target;
		try {
			target = settings.logTarget();
		}
		catch (Fail2banException ex) {
			return new History(address.value(), properties.history(), List.of(), 0, List.of(), release, List.of(),
					null, ex.explanation());
		}
		SourceLines log = fail2banLog(target, address, period);
		List<History.PastBan> bans = log.lines()
			.stream()
			.flatMap(line -> Fail2banLog.ban(line, address).stream())
			.sorted(Comparator.comparing(History.PastBan::at))
			.toList();
		List<SourceProblem> problems = new ArrayList<>(log.problems());
		List<History.JailBans> jails = jails(address, bans, problems, inputs);
		return new History(address.value(), properties.history(), bans, History.days(bans, now), jails, release,
				problems, log.startsAt() == null ? null : Instant.ofEpochSecond(log.startsAt()), null);
	}

	private SourceLines fail2banLog(String target, BanTarget address, Window period) {
		if (target.startsWith("/")) {
			return files.read(Path.of(target), SourceReader.searched(address), List.of(period));
		}
		if (target.equals("SYSTEMD-JOURNAL")) {
			return journal.read(FAIL2BAN_IN_JOURNAL, SourceReader.searched(address), List.of(period));
		}
		return new SourceLines(List.of(), 0, List.of(new SourceProblem(target, Reason.FAILED, target)));
	}

	/** Per jail, most bans first: its bans, and the accounts the failures in their windows tried. */
	private List<History.JailBans> jails(BanTarget address, List<History.PastBan> bans, List<SourceProblem> problems,
			Map<String, JailInputs> inputs) {
		Map<String, List<History.PastBan>> byJail = new LinkedHashMap<>();
		bans.forEach(ban -> byJail.computeIfAbsent(ban.jail(), jail -> new ArrayList<>()).add(ban));
		List<History.JailBans> jails = new ArrayList<>();
		byJail.forEach((jail, jailBans) -> jails.add(new History.JailBans(jail, jailBans.size(),
				accounts(jail, address, jailBans, problems, inputs))));
		jails.sort(Comparator.comparingInt(History.JailBans::bans).reversed());
		return jails;
	}

	private List<Evidence.AccountCount> accounts(String jail, BanTarget address, List<History.PastBan> bans,
			List<SourceProblem> problems, Map<String, JailInputs> inputs) {
		try {
			JailInputs jailInputs = inputs(jail, inputs);
			LogSources jailSources = jailInputs.sources();
			Duration findTime = jailInputs.findTime();
			List<History.PastBan> read = bans.subList(Math.max(0, bans.size() - MAX_BANS_READ), bans.size());
			List<Window> windows = read.stream().map(ban -> window(ban.at(), findTime)).toList();
			SourceLines lines = sources.read(jailSources, address, windows);
			problems.addAll(lines.problems());
			return EvidenceSummary.of(jail, address, read.get(read.size() - 1).at(), findTime, List.of(), lines, 1,
					properties.lineLength()).accounts();
		}
		catch (Fail2banException ex) {
			// the jail may be gone since; its bans still count, without accounts
			return List.of();
		}
	}

	/** The newest release of exactly this address the audit trail records. */
	private History.Release lastRelease(BanTarget address) {
		return audit.find(new AuditFilter(null, address.value(), null, null), 1, AUDIT_EVENTS_READ)
			.events()
			.stream()
			.filter(event -> event.action() == AuditAction.UNBANNED)
			.filter(event -> BanTarget.tryParse(event.target()).filter(address::equals).isPresent())
			.findFirst()
			.map(EvidenceService::release)
			.orElse(null);
	}

	private static History.Release release(AuditEvent event) {
		return new History.Release(event.at(), event.username(), event.jobId());
	}

	/** From the ban's start back by {@code findTime}, the ban's own second included. */
	private static Window window(Instant banStart, Duration findTime) {
		long start = banStart.getEpochSecond();
		return new Window(start - findTime.getSeconds(), start + 1);
	}

}
