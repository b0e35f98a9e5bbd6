package org.unbanpanel.hosts;

import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import org.unbanpanel.core.InvalidValueException;

/**
 * The one place an argument list becomes a command line, for the remote host's POSIX shell: sshd hands the line to the
 * user's login shell ({@code sh -c <line>}), which must give the program exactly the argument list the panel built.
 * Every argument is put in single quotes, inside which a POSIX shell takes every character literally, and each
 * {@code '} in it is closed, escaped and reopened as {@code '\''}. Nothing of an argument is ever outside quotes, so
 * no blank, {@code $}, {@code `}, {@code ;}, newline or glob character can split it, expand it or end the command.
 */
final class RemoteCommandLine {

	private RemoteCommandLine() {
	}

	/**
	 * @param argv the program and its arguments, each one argv entry, as a {@code CommandRunner} gets them
	 * @return the line to send, which the remote shell splits into exactly {@code argv}
	 * @throws InvalidValueException for an argument no argv can hold (a NUL byte) or that UTF-8 cannot carry (a lone
	 * surrogate), before anything is sent
	 * @throws IllegalArgumentException for an empty list
	 */
	static String of(List<String> argv) {
		if (argv.isEmpty()) {
			throw new IllegalArgumentException("empty command");
		}
		return argv.stream().map(RemoteCommandLine::quoted).collect(Collectors.joining(" "));
	}

	private static String quoted(String argument) {
		if (argument.indexOf('\0') >= 0) {
			throw new InvalidValueException(argument, "invalid.argument", "holds a NUL byte, which no argument can");
		}
		if (!encodable(argument)) {
			throw new InvalidValueException(argument, "invalid.argument", "holds a character UTF-8 cannot carry");
		}
		return "'" + argument.replace("'", "'\\''") + "'";
	}

	private static boolean encodable(String argument) {
		try {
			StandardCharsets.UTF_8.newEncoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.encode(CharBuffer.wrap(argument));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

}
