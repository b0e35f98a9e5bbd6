package org.unbanpanel.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.unbanpanel.core.Explanation;
import org.unbanpanel.exec.CommandException;
import org.unbanpanel.exec.CommandResult;
import org.unbanpanel.exec.CommandRunner;

/**
 * A stand-in for fail2ban-client and its server in unit tests of the release logic, under the real adapter
 * ({@code Fail2banAdapters.over}): it keeps what each jail holds, answers {@code banned} as fail2ban 1.0.2 prints it,
 * and carries out {@code unban} and {@code set <jail> unbanip}, answering as fail2ban does with the number of bans
 * removed (an entry once per jail that held it; it knows no networks, so a network removes only itself). It can be
 * made unreachable, refuse an entry as fail2ban would, or have its client killed at the timeout after the server has
 * done an unban (as with 20,000 bans).
 * Integration tests use the real server ({@link Fail2banServer}).
 */
public final class FakeFail2banClient implements CommandRunner {

	private final Map<String, List<String>> jails = new LinkedHashMap<>();

	private final Map<String, String> refusals = new HashMap<>();

	private final List<List<String>> calls = new ArrayList<>();

	private CommandException failure;

	private int unbansKilledAfterWork;

	private int readsTimingOut;

	private Runnable beforeNextUnban = () -> {
	};

	public FakeFail2banClient() {
		Fail2banServer.JAILS.forEach(jail -> jails.put(jail, new ArrayList<>()));
	}

	/** The jail holds the entries from now on, as {@code set <jail> banip} would. */
	public FakeFail2banClient ban(String jail, String... entries) {
		jails.get(jail).addAll(Arrays.asList(entries));
		return this;
	}

	public List<String> bannedIn(String jail) {
		return List.copyOf(jails.get(jail));
	}

	/** An unban call naming the entry is refused with fail2ban's message when it comes to it; the rest stays. */
	public void refuse(String entry, String message) {
		refusals.put(entry, message);
	}

	/** Every call fails so (a missing socket, a timeout), or none again with {@code null}. */
	public void failEveryCall(CommandException failure) {
		this.failure = failure;
	}

	/**
	 * The next unban calls are carried out, but their client is killed at the timeout, and as many {@code banned}
	 * reads after them time out too, as while fail2ban is still busy with a long unban.
	 */
	public void killClientsAfterTheirUnban(int unbans, int reads) {
		this.unbansKilledAfterWork = unbans;
		this.readsTimingOut = reads;
	}

	/**
	 * The next unban call first lets this happen (a ban ends, another comes), as between the panel's read and its
	 * unban.
	 */
	public void beforeNextUnban(Runnable change) {
		this.beforeNextUnban = change;
	}

	/** The jail no longer holds the entry, as when its ban time is over. */
	public void expire(String jail, String entry) {
		jails.get(jail).remove(entry);
	}

	/** The command words of every call made, in order. */
	public List<List<String>> calls() {
		return List.copyOf(calls);
	}

	/** The unban calls made ({@code unban} and {@code set <jail> unbanip}), in order. */
	public List<List<String>> unbanCalls() {
		return calls.stream().filter(words -> !words.equals(List.of("banned"))).toList();
	}

	@Override
	public synchronized CommandResult run(List<String> command, Duration extraTime) {
		List<String> words = command.subList(command.indexOf("--") + 1, command.size());
		calls.add(List.copyOf(words));
		if (failure != null) {
			throw failure;
		}
		if (words.equals(List.of("banned"))) {
			if (readsTimingOut > 0 && unbansKilledAfterWork == 0) {
				readsTimingOut--;
				throw timeout();
			}
			return ok(banned());
		}
		List<String> entries = words.get(0).equals("unban") ? words.subList(1, words.size())
				: words.subList(3, words.size());
		beforeNextUnban.run();
		beforeNextUnban = () -> {
		};
		// like fail2ban, it releases the entries in order and stops at one it refuses
		int removed = 0;
		for (String entry : entries) {
			if (refusals.containsKey(entry)) {
				return new CommandResult(255, refusals.get(entry) + "\n", "", false);
			}
			for (Map.Entry<String, List<String>> jail : jails.entrySet()) {
				if ((words.get(0).equals("unban") || words.get(1).equals(jail.getKey()))
						&& jail.getValue().remove(entry)) {
					removed++;
				}
			}
		}
		if (unbansKilledAfterWork > 0) {
			unbansKilledAfterWork--;
			throw timeout();
		}
		return ok(removed + "\n");
	}

	private String banned() {
		return jails.entrySet()
			.stream()
			.map(jail -> "{'" + jail.getKey() + "': [" + jail.getValue().stream().map(entry -> "'" + entry + "'")
				.collect(Collectors.joining(", ")) + "]}")
			.collect(Collectors.joining(", ", "[", "]"));
	}

	private static CommandException timeout() {
		return new CommandException(CommandException.Reason.TIMEOUT,
				Explanation.of("command.timeout", "fail2ban-client", 10_000));
	}

	private static CommandResult ok(String stdout) {
		return new CommandResult(0, stdout, "", false);
	}

}
