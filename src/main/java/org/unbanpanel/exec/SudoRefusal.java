package org.unbanpanel.exec;

import java.nio.file.Path;
import java.util.List;

import org.unbanpanel.core.Explanation;

/**
 * Tells sudo's own refusal apart from a failure of the program behind it, for every {@link CommandRunner}, wherever
 * the program runs: sudo exits 1 for its refusals too, so only its message on stderr says which it was. A command
 * no rule allows makes it ask for a password ({@code sudo: a password is required}, under {@code -n}); one a rule
 * explicitly forbids ({@code !Cmnd}) makes it say {@code Sorry, user … is not allowed to execute …}.
 */
public final class SudoRefusal {

	private SudoRefusal() {
	}

	/**
	 * @return the result, when the command did not go through sudo or sudo ran the program
	 * @throws CommandException {@link CommandException.Reason#SUDO_REFUSED} when sudo itself refused to run it
	 */
	public static CommandResult check(List<String> command, CommandResult result) {
		if ("sudo".equals(programName(command)) && result.exitCode() == 1
				&& (result.stderr().startsWith("sudo:") || result.stderr().startsWith("Sorry, user "))) {
			throw new CommandException(CommandException.Reason.SUDO_REFUSED,
					Explanation.of("command.sudoRefused", programBehindSudo(command), result.message()));
		}
		return result;
	}

	/** The file name of the command's program, for messages: {@code sudo} for {@code /usr/bin/sudo}. */
	public static String programName(List<String> command) {
		return Path.of(command.get(0)).getFileName().toString();
	}

	/** The program that does the work: behind sudo, the one sudo runs. */
	static String programRun(List<String> command) {
		String program = programName(command);
		return "sudo".equals(program) ? Path.of(programBehindSudo(command)).getFileName().toString() : program;
	}

	private static String programBehindSudo(List<String> command) {
		return command.stream().skip(1).filter(argument -> !argument.startsWith("-")).findFirst().orElse("a program");
	}

}
