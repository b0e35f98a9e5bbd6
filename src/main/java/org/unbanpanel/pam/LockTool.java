package org.unbanpanel.pam;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.unbanpanel.core.AccountName;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.exec.CommandException;
import org.unbanpanel.exec.CommandResult;
import org.unbanpanel.exec.CommandRunner;

/**
 * What the faillock and pam_tally2 adapters share: {@code --user U}, an optional {@code --reset}, one option naming
 * where the tallies are kept, reading one user or all of them through the tool's parser, and the translation of every
 * way a run can go wrong into an {@link AccountLockException}.
 * <p>
 * Both tools reset <em>every</em> user when {@code --reset} comes without {@code --user}, so the only way to build a
 * reset here is {@link #reset(AccountName)}, which always adds {@code --user} with a name checked again just before
 * the command is built.
 */
abstract class LockTool implements AccountLocks {

	private final CommandRunner runner;

	private final String name;

	private final List<String> command;

	private final String unknownUserMessage;

	private final BiFunction<String, AccountName, LockRecord> parseOne;

	private final Function<String, List<LockRecord>> parseAll;

	/**
	 * @param command the program and any prefix such as {@code sudo -n}
	 * @param storeOption the option naming where the tallies are kept ({@code --dir}, {@code --file})
	 * @param store its value, {@code null} for the tool's own default
	 * @param unknownUserMessage what the tool writes to stderr when the user does not exist
	 * @param parseOne reads the tool's output for one user
	 * @param parseAll reads the tool's list of every user
	 */
	LockTool(CommandRunner runner, String name, List<String> command, String storeOption, Path store,
			String unknownUserMessage, BiFunction<String, AccountName, LockRecord> parseOne,
			Function<String, List<LockRecord>> parseAll) {
		if (command.isEmpty()) {
			throw new IllegalArgumentException("the " + name + " command is empty");
		}
		this.runner = runner;
		this.name = name;
		this.command = withStore(command, storeOption, store);
		this.unknownUserMessage = unknownUserMessage;
		this.parseOne = parseOne;
		this.parseAll = parseAll;
	}

	@Override
	public String backend() {
		return name;
	}

	@Override
	public LockRecord status(AccountName user) {
		return parseOne.apply(run(forUser(user), user), user);
	}

	/** The tool run without a user, which lists every user with failures. */
	@Override
	public List<LockRecord> all() {
		return parseAll.apply(run(command, null)).stream().filter(LockRecord::hasFailures).toList();
	}

	/** Runs the tool's reset of this one user; returns what it printed. */
	String runReset(AccountName user) {
		List<String> reset = new ArrayList<>(forUser(user));
		reset.add("--reset");
		return run(reset, user);
	}

	private List<String> forUser(AccountName user) {
		String checked = AccountName.parse(user == null ? null : user.value()).value();
		List<String> arguments = new ArrayList<>(command);
		arguments.add("--user");
		arguments.add(checked);
		return arguments;
	}

	/**
	 * Whether a failed listing only says that the place the tallies are kept does not exist yet: nobody has failed a
	 * login, so nobody is locked. No tool says so unless its adapter knows how it does.
	 */
	boolean nothingRecordedYet(CommandResult listing) {
		return false;
	}

	private String run(List<String> arguments, AccountName user) {
		CommandResult result;
		try {
			result = runner.run(arguments);
		}
		catch (CommandException ex) {
			throw notRun(ex);
		}
		if (result.succeeded()) {
			return result.stdout();
		}
		if (user == null && nothingRecordedYet(result)) {
			return "";
		}
		if (user != null && result.stderr().contains(unknownUserMessage)) {
			throw new AccountLockException(AccountLockException.Reason.UNKNOWN_USER,
					Explanation.of("accounts.tool.unknownUser", user.value(), name, result.message()));
		}
		throw new AccountLockException(AccountLockException.Reason.FAILED,
				Explanation.of("accounts.tool.failed", name, result.exitCode(), result.message()));
	}

	private AccountLockException notRun(CommandException ex) {
		return switch (ex.reason()) {
			case NOT_FOUND -> new AccountLockException(AccountLockException.Reason.NOT_RUNNABLE,
					Explanation.of("accounts.tool.notInstalled", name, ex.explanation()), ex);
			case SUDO_REFUSED -> new AccountLockException(AccountLockException.Reason.NOT_RUNNABLE,
					Explanation.of("accounts.tool.notAllowed", name, ex.explanation()), ex);
			case TIMEOUT, BUSY, INTERRUPTED -> new AccountLockException(AccountLockException.Reason.TIMEOUT,
					Explanation.of("accounts.tool.timeout", name, ex.explanation()), ex);
			case START_FAILED -> new AccountLockException(AccountLockException.Reason.NOT_RUNNABLE,
					Explanation.of("accounts.tool.notStarted", name, ex.explanation()), ex);
			case UNREACHABLE -> new AccountLockException(AccountLockException.Reason.UNREACHABLE,
					Explanation.of("accounts.tool.unreachable", name, ex.explanation()), ex);
		};
	}

	private static List<String> withStore(List<String> command, String storeOption, Path store) {
		List<String> arguments = new ArrayList<>(command);
		if (store != null) {
			arguments.add(storeOption);
			arguments.add(store.toString());
		}
		return List.copyOf(arguments);
	}

}
