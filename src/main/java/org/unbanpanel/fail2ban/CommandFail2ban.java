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
 * read side by side; for {@link #unban} one per {@link Fail2banProperties#unbanBatch()} entries (none for no entry).
 * The ignore list costs one run per jail for {@link #ignored} and {@link #addIgnore}, and for {@link #removeIgnore}
 * one per jail plus one per entry removed, since fail2ban's {@code delignoreip} takes a single value.
 */
class CommandFail2ban implements Fail2ban {

	private static final Logger logger = LoggerFactory.getLogger(CommandFail2ban.class);

	private final Fail2banClient client;

	private final int unbanBatch;

	private final Duration unbanTimePerEntry;

	private final ThreadPoolExecutor jailReaders;

	CommandFail2ban(CommandRunner runner, Fail2banProperties properties) {
		this.client = new Fail2banClient(runner, properties.command());
		this.unbanBatch = properties.unbanBatch();
		this.unbanTimePerEntry = properties.unbanTimePerEntry();
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
	public Map<BanTarget, List<HeldBan>> whereBanned(Collection<BanTarget> targets) {
		if (targets.isEmpty()) {
			return Map.of();
		}
		HeldBans held = lookup();
		Map<BanTarget, List<HeldBan>> bans = new LinkedHashMap<>();
		distinct(targets).forEach(target -> bans.put(target, held.of(target)));
		return bans;
	}

	@Override
	public Unbanned unban(Collection<String> entries) {
		return release(List.of("unban"), entries);
	}

	@Override
	public Unbanned unban(String jail, Collection<String> entries) {
		return release(List.of("set", Fail2banClient.checkJail(jail), "unbanip"), entries);
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

	/**
	 * Sends the command with the entries, {@link #unbanBatch} at a time, each call given {@link #unbanTimePerEntry} per
	 * entry on top of the usual timeout. A refusal is kept and the other calls still go out; a call that is not
	 * answered ends the release, since fail2ban may still be working on it.
	 */
	private Unbanned release(List<String> command, Collection<String> entries) {
		List<String> distinct = List.copyOf(new LinkedHashSet<>(entries));
		distinct.forEach(CommandFail2ban::checkEntry);
		Unbanned unbanned = Unbanned.NOTHING;
		for (int from = 0; from < distinct.size(); from += unbanBatch) {
			List<String> batch = distinct.subList(from, Math.min(distinct.size(), from + unbanBatch));
			List<String> words = new ArrayList<>(command);
			words.addAll(batch);
			try {
				String answer = client.run(Function.identity(), words, unbanTimePerEntry.multipliedBy(batch.size()));
				unbanned = unbanned.and(removed(answer));
			}
			catch (Fail2banException ex) {
				if (ex.reason() != Fail2banException.Reason.REFUSED) {
					throw ex;
				}
				unbanned = unbanned.and(Unbanned.refused(ex.explanation()));
			}
		}
		return unbanned;
	}

	/** fail2ban accepted the call, so an answer that is no count does not undo it: it only leaves the count unknown. */
	private static Unbanned removed(String answer) {
		try {
			return Unbanned.removed(Fail2banOutput.removed(answer));
		}
		catch (IllegalArgumentException ex) {
			logger.warn("{}", ex.getMessage());
			return Unbanned.uncounted();
		}
	}

	/** An entry is released by its exact text, and only if it is an address or network, never every address. */
	private static void checkEntry(String entry) {
		if (BanTarget.parse(entry).prefixLength() == 0) {
			throw new InvalidValueException(entry, "invalid.ip.tooWide", "covers every address");
		}
	}

	private static List<BanTarget> distinct(Collection<BanTarget> targets) {
		return List.copyOf(new LinkedHashSet<>(targets));
	}

}
