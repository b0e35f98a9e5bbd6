package org.unbanpanel.hosts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.unbanpanel.core.InvalidValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The remote command line against the shells it is written for: each list of arguments is sent through a real
 * {@code sh -c <line>} (dash, Debian's {@code /bin/sh}) and {@code bash -c <line>}, as sshd hands a command to the
 * login shell, to {@code printf '%s\0'}, and what the program received must be exactly the list. The arguments are
 * every character alone, every pair of the shell's own characters, a catalogue of injection payloads, and thousands of
 * random strings over a hostile alphabet from a fixed seed (printed on failure, so that a failing case can be rerun).
 */
class RemoteCommandLineTests {

	private static final List<String> SHELLS = Stream.of("/bin/sh", "/bin/bash")
		.filter(shell -> Files.isExecutable(Path.of(shell)))
		.toList();

	/** Every character a POSIX shell gives a meaning to, and the blanks it splits on. */
	private static final String SPECIAL = "'\"\\$`;&|<>(){}[]*?~!#%^=, \t\n\r";

	private static final long SEED = 20261201L;

	@Test
	void everyCharacterAloneAndInsideAWordArrivesAsItIs() {
		List<String> arguments = new ArrayList<>();
		IntStream.rangeClosed(1, 0x2FF).forEach(c -> {
			arguments.add(Character.toString(c));
			arguments.add("a" + Character.toString(c) + "b");
		});
		assertRoundTrip(arguments);
	}

	@Test
	void everyPairOfTheShellsOwnCharactersArrivesAsItIs() {
		List<String> arguments = new ArrayList<>();
		for (char first : SPECIAL.toCharArray()) {
			for (char second : SPECIAL.toCharArray()) {
				arguments.add("" + first + second);
			}
		}
		assertRoundTrip(arguments);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "'", "''", "'\\''", "\\", "\\'", "-", "--", "--all", "-c", "*", "~", "~root",
			"$HOME", "${IFS}", "$(id)", "`id`", "$((1+1))", "!!", "#comment", "a b", "a\tb", "a\nb", "\n", "1.2.3.4;id",
			"';touch /tmp/x;'", "\"; touch /tmp/x; \"", "$(touch /tmp/x)", "`touch /tmp/x`", "touch${IFS}/tmp/x",
			"x|touch /tmp/x", "x&&touch /tmp/x", "x\ntouch /tmp/x", ">/tmp/x", "<(id)", "a=b", "LC_ALL=C", "é",
			"中文", "😀", "\u00a0", "\u2028", "\ufeff", "e\u0301", "\u001b[31m" })
	void aKnownPayloadArrivesAsItIs(String payload) {
		assertRoundTrip(List.of(payload, payload + payload, "x" + payload + "y"));
	}

	@Test
	void randomHostileStringsArriveAsTheyAre() {
		Random random = new Random(SEED);
		List<String> arguments = IntStream.range(0, 4000).mapToObj(i -> hostile(random)).toList();
		for (int from = 0; from < arguments.size(); from += 200) {
			assertRoundTrip(arguments.subList(from, Math.min(arguments.size(), from + 200)));
		}
	}

	@Test
	void everyArgumentIsInSingleQuotesAndAQuoteIsClosedEscapedAndReopened() {
		assertThat(RemoteCommandLine.of(List.of("sudo", "-n", "it's", ""))).isEqualTo("'sudo' '-n' 'it'\\''s' ''");
	}

	@Test
	void aNulByteIsRefusedBeforeAnythingIsSent() {
		assertThatThrownBy(() -> RemoteCommandLine.of(List.of("printf", "a\u0000b")))
			.isInstanceOf(InvalidValueException.class)
			.hasMessageContaining("NUL");
	}

	@Test
	void aLoneSurrogateIsRefusedRatherThanSentAsAQuestionMark() {
		assertThatThrownBy(() -> RemoteCommandLine.of(List.of("printf", "a\ud800b")))
			.isInstanceOf(InvalidValueException.class)
			.hasMessageContaining("UTF-8");
	}

	@Test
	void anEmptyCommandIsRefused() {
		assertThatThrownBy(() -> RemoteCommandLine.of(List.of())).isInstanceOf(IllegalArgumentException.class);
	}

	/** Up to 40 characters, mostly the shell's own, some letters, controls and characters beyond ASCII. */
	private static String hostile(Random random) {
		String others = "aZ09-_./:@+é中😀\u00a0\u0007\u001b\u007f";
		StringBuilder text = new StringBuilder();
		int length = random.nextInt(41);
		while (text.codePointCount(0, text.length()) < length) {
			String alphabet = random.nextInt(3) == 0 ? others : SPECIAL;
			int[] codePoints = alphabet.codePoints().toArray();
			text.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
		}
		return text.toString();
	}

	private static void assertRoundTrip(List<String> arguments) {
		assertThat(SHELLS).as("a POSIX shell to check against").isNotEmpty();
		List<String> argv = new ArrayList<>(List.of("printf", "%s\\0"));
		argv.addAll(arguments);
		String line = RemoteCommandLine.of(argv);
		for (String shell : SHELLS) {
			assertThat(received(shell, line)).as("%s -c, seed %d", shell, SEED).containsExactlyElementsOf(arguments);
		}
	}

	/** What {@code printf '%s\0' …} printed, split at its NUL bytes: the arguments it was given. */
	private static List<String> received(String shell, String line) {
		try {
			Process process = new ProcessBuilder(shell, "-c", line).redirectErrorStream(true).start();
			process.getOutputStream().close();
			byte[] output = process.getInputStream().readAllBytes();
			assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
			assertThat(process.exitValue()).as(new String(output, StandardCharsets.UTF_8)).isZero();
			String text = new String(output, StandardCharsets.UTF_8);
			assertThat(text).endsWith("\0");
			return Arrays.asList(text.substring(0, text.length() - 1).split("\0", -1));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
