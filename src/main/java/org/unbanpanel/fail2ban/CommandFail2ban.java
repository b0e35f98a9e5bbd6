package org.unbanpanel.fail2ban;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.core.InvalidValueException;
import org.unbanpanel.exec.CommandRunner;

/**
 * {@link Fail2ban} over fail2ban-client. Costs in fail2ban-client runs: one for {@link #version}, {@link #jails} and
 * {@link #whereBanned}; two for {@link #status}, and for {@link #banList} (the jail's list with times and, side by side,
 * {@code banned}, the only unambiguous list of the entries); 1 + 2 per jail for {@link #statusOfAllJails}, the jails
 * read side by side;
 * for {@link #unban} one lookup, one {@code unban} naming every entry to release and one lookup to verify (only the
 * first when nothing is banned, none for no target). None of these grows with the number of addresses. The ignore
 * list costs one run per jail for {@link #ignored} and {@link #addIgnore}, and for {@link #removeIgnore} one per jail
 * plus one per entry removed, since fail2ban's {@code delignoreip} takes a single value.
 */
class CommandFail2ban implements Fail2ban {

	private static final Logger logger = LoggerFactory.getLogger(CommandFail2ban.class);

	private final Fail2banClient client;

	private final ThreadPoolExecutor jailReaders;

	CommandFail2ban(CommandRunner runner, Fail2banProperties properties) {
		this.client = new Fail2banClient(runner, properties.command());
		this.jailReaders = Readers.pool("fail2ban-jail-reader");
	}

	@Override
	public String version() {
		return client.run(String::strip, List.of("version"));
	}

	@Override
	public List<String> jails() {
		return client.run(Fail2banOutput::jailList, List.of("status"));
	}

	@Override
	public List<JailStatus> statusOfAllJails() {
		List<CompletableFuture<JailStatus>> statuses = jails().stream()
			.map(jail -> CompletableFuture.supplyAsync(() -> status(jail), jailReaders))
			.toList();
		return statuses.stream().map(Readers::join).toList();
	}

	@Override
	public JailStatus status(String jail) {
		Fail2banClient.checkJail(jail);
		Duration banTime = client.run(Fail2banOutput::seconds, List.of("get", jail, "bantime"));
		return client.run(status -> Fail2banOutput.jailStatus(jail, status, banTime), List.of("status", jail, "short"));
	}

	/**
	 * The list with times prints each entry as text, so an entry holding a newline can look like more bans than it is;
	 * {@code banned} prints every entry as a Python literal, which says exactly what the jail holds.
	 */
	@Override
	public BanList banList(String jail) {
		Fail2banClient.checkJail(jail);
		CompletableFuture<List<String>> held = CompletableFuture
			.supplyAsync(() -> banned().getOrDefault(jail, List.of()), jailReaders);
		String withTime = client.run(Function.identity(), List.of("get", jail, "banip", "--with-time"));
		return Fail2banOutput.banList(withTime, Readers.join(held));
	}

	@Override
	public Map<BanTarget, List<String>> whereBanned(Collection<BanTarget> targets) {
		HeldBans held = lookup();
		Map<BanTarget, List<String>> jails = new LinkedHashMap<>();
		distinct(targets).forEach(target -> jails.put(target, held.jailsHolding(target)));
		return jails;
	}

	@Override
	public List<UnbanOutcome> unban(Collection<BanTarget> targets) {
		List<BanTarget> distinct = distinct(targets);
		if (distinct.isEmpty()) {
			return List.of();
		}
		HeldBans before = lookup();
		// The entries exactly as fail2ban holds them, not the targets: it matches an address by its string, expands
		// a network only since 0.11.2, and when a jail holds the network itself releases that entry alone.
		List<String> entries = distinct.stream()
			.flatMap(target -> before.entriesCoveredBy(target).stream())
			.distinct()
			.toList();
		String refusal = entries.isEmpty() ? "" : release(entries);
		HeldBans after = entries.isEmpty() ? before : lookup();
		return distinct.stream().map(target -> outcome(target, before, after, refusal)).toList();
	}

	@Override
	public List<String> ignored(String jail) {
		Fail2banClient.checkJail(jail);
		Fail2banOutput.IgnoreList list = client.run(Fail2banOutput::ignoreList, List.of("get", jail, "ignoreip"));
		list.unreadable()
			.forEach(entry -> logger.warn("The ignore list of {} holds an entry the panel cannot read exactly: '{}'",
					jail, InvalidValueException.printable(entry)));
		return list.entries();
	}

	@Override
	public void addIgnore(Collection<String> jails, Collection<BanTarget> targets) {
		List<BanTarget> distinct = distinct(targets);
		if (distinct.isEmpty()) {
			return;
		}
		for (String jail : jails) {
			List<String> words = new ArrayList<>(List.of("set", Fail2banClient.checkJail(jail), "addignoreip"));
			distinct.forEach(target -> words.add(target.value()));
			client.run(Function.identity(), words);
		}
	}

	@Override
	public void removeIgnore(Collection<String> jails, Collection<BanTarget> targets) {
		List<BanTarget> distinct = distinct(targets);
		if (distinct.isEmpty()) {
			return;
		}
		for (String jail : jails) {
			for (String entry : ignored(jail)) {
				if (BanTarget.tryParse(entry).filter(distinct::contains).isPresent()) {
					client.run(Function.identity(), List.of("set", jail, "delignoreip", entry));
				}
			}
		}
	}

	private HeldBans lookup() {
		return new HeldBans(banned());
	}

	/** {@code banned} came with fail2ban 0.11.2 (fail2ban#2725); an older server calls it an invalid command. */
	private Map<String, List<String>> banned() {
		try {
			return client.run(Fail2banOutput::bannedByJail, List.of("banned"));
		}
		catch (Fail2banException ex) {
			if (ex.reason() == Fail2banException.Reason.REFUSED && ex.getMessage().contains("Invalid command")) {
				throw new Fail2banException(Fail2banException.Reason.REFUSED,
						Explanation.of("fail2ban.tooOld", ex.explanation()), ex);
			}
			throw ex;
		}
	}

	/** Runs one {@code unban}; fail2ban's refusal is kept for the outcomes, the verifying lookup decides. */
	private String release(List<String> entries) {
		List<String> words = new ArrayList<>(entries.size() + 1);
		words.add("unban");
		words.addAll(entries);
		try {
			client.run(Function.identity(), words);
			return "";
		}
		catch (Fail2banException ex) {
			if (ex.reason() != Fail2banException.Reason.REFUSED) {
				throw ex;
			}
			return ex.getMessage();
		}
	}

	/** A count of 0 is never success: a target no jail held is NOT_BANNED, one still held afterwards FAILED. */
	private static UnbanOutcome outcome(BanTarget target, HeldBans before, HeldBans after, String refusal) {
		List<HeldBans.Network> around = after.networksAround(target);
		if (!around.isEmpty()) {
			return new UnbanOutcome(target, UnbanOutcome.Result.FAILED,
					around.stream().map(HeldBans.Network::jail).distinct().toList(), blockedBy(around));
		}
		List<String> held = before.jailsHolding(target);
		List<String> stillHeld = after.jailsHolding(target);
		if (held.isEmpty()) {
			return new UnbanOutcome(target, UnbanOutcome.Result.NOT_BANNED, List.of(), "");
		}
		if (stillHeld.isEmpty()) {
			return new UnbanOutcome(target, UnbanOutcome.Result.UNBANNED, held, "");
		}
		String message = refusal.isEmpty() ? "still banned in " + String.join(", ", stillHeld) + " after the unban"
				: refusal;
		return new UnbanOutcome(target, UnbanOutcome.Result.FAILED, stillHeld, message);
	}

	private static String blockedBy(List<HeldBans.Network> networks) {
		return "still blocked by the banned network "
				+ networks.stream().map(network -> network.text() + " in " + network.jail()).collect(Collectors.joining(", "))
				+ "; unban the network to release it";
	}

	private static List<BanTarget> distinct(Collection<BanTarget> targets) {
		return List.copyOf(new LinkedHashSet<>(targets));
	}

}
