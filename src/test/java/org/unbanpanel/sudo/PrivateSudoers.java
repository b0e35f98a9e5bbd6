package org.unbanpanel.sudo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.util.FileSystemUtils;
import org.unbanpanel.demo.ProgramRun;
import org.unbanpanel.testsupport.SystemTools;

/**
 * The shipped {@code config/sudoers.d/unban-panel}, installed for real into {@code /etc/sudoers.d/} for a stand-in of
 * the system user {@code unban-panel}, but aimed at the private fail2ban-server and PAM lockout of the tests instead of
 * the machine's.
 * <p>
 * The installed copy differs from the shipped file in names only, and every argument rule stays byte for byte as
 * shipped, so sudo decides exactly as it would in production:
 * <ul>
 * <li>{@code /usr/bin/fail2ban-client}, {@code /usr/sbin/faillock} and {@code /sbin/pam_tally2} become root-owned
 * wrapper scripts in a root-owned folder;</li>
 * <li>the user {@code unban-panel} becomes a user of this installation's own ({@code unban-panel-<suffix>}), and each
 * alias {@code UNBAN_PANEL_…} one of its own, so that test runs of several engineers at once, each with its own
 * version of the rules, neither share a user nor redefine each other's aliases.</li>
 * </ul>
 * The wrappers run after sudo has allowed the arguments and add only what points at the test's own state:
 * <ul>
 * <li>fail2ban-client: {@code -c <conf> -s <socket>} of the private server, before the allowed arguments;</li>
 * <li>faillock: the test's tally directory as {@code --dir}, in place of the {@code --dir /var/run/faillock} the rule
 * allows (sudo has checked the value, so the wrapper may drop it);</li>
 * <li>pam_tally2, which Debian 12 no longer ships: a stand-in that prints the arguments it was allowed to get.</li>
 * </ul>
 * Root only. {@link #close()} removes the sudoers file first, then the user and the wrappers.
 * <p>
 * For a test host of the fleet ({@link #installForLogin}) the user can log in (a POSIX shell, a home, no password):
 * it is the account the panel logs in as over SSH there, with these rules as that host's sudoers.
 */
public final class PrivateSudoers implements AutoCloseable {

	static final Path SHIPPED = Path.of("config/sudoers.d/unban-panel");

	/** The user the shipped rules are for. */
	private static final String SHIPPED_USER = "unban-panel";

	private static final Pattern SHIPPED_USER_NAMED = Pattern.compile("(^|[\\s:])" + SHIPPED_USER + "\\s");

	public static final String FAIL2BAN_CLIENT = "/usr/bin/fail2ban-client";

	public static final String FAILLOCK = "/usr/sbin/faillock";

	static final String PAM_TALLY2 = "/sbin/pam_tally2";

	static final String VISUDO = "/usr/sbin/visudo";

	private static final String SUDO = "/usr/bin/sudo";

	private static final String RUNUSER = "/usr/sbin/runuser";

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final String suffix = UUID.randomUUID().toString().substring(0, 8);

	private final Path installed = Path.of("/etc/sudoers.d", "unban-panel-test-" + suffix);

	/** Stands for {@code unban-panel}. */
	private final String user = SHIPPED_USER + "-" + suffix;

	private final Path home;

	private Path bin;

	private boolean userCreated;

	private PrivateSudoers(Path home) {
		this.home = home;
	}

	/**
	 * Creates the user if needed, writes the wrappers and installs the test copy of the shipped rules.
	 * @param fail2banCommand the private server's client command, {@code [fail2ban-client, -c, conf, -s, socket]}
	 * @param tallyDir the private PAM lockout's faillock directory
	 */
	static PrivateSudoers install(List<String> fail2banCommand, Path tallyDir) {
		return install(fail2banCommand, tallyDir, null);
	}

	/**
	 * Like {@link #install}, for a user that logs in by SSH: shell {@code /bin/sh}, no password (so only a key
	 * logs it in), and {@code home} as its home folder, created and owned by it.
	 */
	public static PrivateSudoers installForLogin(List<String> fail2banCommand, Path tallyDir, Path home) {
		return install(fail2banCommand, tallyDir, home);
	}

	private static PrivateSudoers install(List<String> fail2banCommand, Path tallyDir, Path home) {
		SystemTools.requireRoot();
		SystemTools.requireProgram(SUDO, "sudo");
		SystemTools.requireProgram(VISUDO, "sudo");
		SystemTools.requireProgram(RUNUSER, "util-linux");
		PrivateSudoers sudoers = new PrivateSudoers(home);
		try {
			sudoers.setUp(fail2banCommand, tallyDir);
			return sudoers;
		}
		catch (RuntimeException | IOException ex) {
			sudoers.close();
			throw ex instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) ex;
		}
	}

	/**
	 * The command prefix that runs {@code program} (one of the shipped paths) as {@code unban-panel} through
	 * {@code sudo -n}, as the panel's {@code [sudo, -n, program]} does in production.
	 */
	List<String> asPanel(String program) {
		return List.of(RUNUSER, "-u", user, "--", SUDO, "-n", wrapper(program).toString());
	}

	/** The user the rules are for, which stands for {@code unban-panel}. */
	public String user() {
		return user;
	}

	/**
	 * The command the panel is configured with for {@code program} (one of the shipped paths), as in production
	 * ({@code [sudo, -n, /usr/bin/fail2ban-client]}), with the installed wrapper in the program's place.
	 */
	public List<String> sudoCommand(String program) {
		return List.of(SUDO, "-n", wrapper(program).toString());
	}

	/** The installed wrapper for one of the three programs the rules name; any other word as it is. */
	String program(String word) {
		return List.of(FAIL2BAN_CLIENT, FAILLOCK, PAM_TALLY2).contains(word) ? wrapper(word).toString() : word;
	}

	/** Where a shell payload run as root would leave its mark. */
	Path sentinel() {
		return bin.resolve("pwned");
	}

	/** Runs {@code program arguments...} as the panel's user through {@code sudo -n}. */
	ProgramRun run(String program, String... arguments) {
		List<String> line = new ArrayList<>(asPanel(program));
		line.addAll(List.of(arguments));
		return ProgramRun.of(line, TIMEOUT);
	}

	/**
	 * Asks sudo whether the panel's user may run {@code program arguments...} ({@code sudo -n -l -U unban-panel}),
	 * without running it: sudo's own decision, for command lines too many, or too harmful, to run.
	 */
	boolean allows(String program, List<String> arguments) {
		List<String> line = new ArrayList<>(List.of(SUDO, "-n", "-l", "-U", user, program(program)));
		line.addAll(arguments);
		ProgramRun run = ProgramRun.of(line, TIMEOUT);
		if (run.exitCode() > 1 || !run.stderr().isEmpty()) {
			throw new IllegalStateException("sudo -l gave no answer for " + arguments + ": " + run.stdout() + run.stderr());
		}
		return run.exitCode() == 0;
	}

	/** Runs {@code sudo -n} with any options as the panel's user: {@code -s}, {@code -u nobody}, another program. */
	ProgramRun sudo(String... arguments) {
		List<String> line = new ArrayList<>(List.of(RUNUSER, "-u", user, "--", SUDO, "-n"));
		line.addAll(List.of(arguments));
		return ProgramRun.of(line, TIMEOUT);
	}

	/**
	 * Like {@link #sudo}, with {@code PYTHONPATH} in the environment of the panel's user pointing at a
	 * {@code sitecustomize} module that leaves the {@link #sentinel()}: fail2ban-client, a Python program, would load
	 * it if sudo let the variable through.
	 */
	ProgramRun sudoWithPythonPath(String... arguments) {
		List<String> line = new ArrayList<>(List.of(RUNUSER, "-u", user, "--", "/usr/bin/env",
				"PYTHONPATH=" + pythonPath(), SUDO, "-n"));
		line.addAll(List.of(arguments));
		return ProgramRun.of(line, TIMEOUT);
	}

	Path pythonPath() {
		return bin.resolve("python");
	}

	@Override
	public void close() {
		try {
			Files.deleteIfExists(installed);
			if (userCreated) {
				ProgramRun.of(List.of("userdel", user), TIMEOUT).requireSuccess("userdel");
			}
			if (home != null) {
				FileSystemUtils.deleteRecursively(home);
			}
			if (bin != null) {
				FileSystemUtils.deleteRecursively(bin);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void setUp(List<String> fail2banCommand, Path tallyDir) throws IOException {
		List<String> useradd = home == null
				? List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", user)
				: List.of("useradd", "--system", "--create-home", "--home-dir", home.toString(), "--shell", "/bin/sh",
						"--password", "*", user);
		ProgramRun.of(useradd, TIMEOUT).requireSuccess("useradd");
		userCreated = true;
		bin = Files.createTempDirectory(Path.of("/tmp"), "unban-panel-sudo-");
		Files.setPosixFilePermissions(bin, PosixFilePermissions.fromString("rwxr-xr-x"));
		writeWrapper(FAIL2BAN_CLIENT, "exec " + quoted(fail2banCommand) + " \"$@\"");
		writeWrapper(FAILLOCK, "if [ \"$1\" = --dir ]; then shift 2; fi\nexec " + FAILLOCK + " --dir '" + tallyDir
				+ "' \"$@\"");
		writeWrapper(PAM_TALLY2, "echo \"pam_tally2 $*\"");
		Files.createDirectories(pythonPath());
		Files.writeString(pythonPath().resolve("sitecustomize.py"), "open('" + sentinel() + "', 'w').close()\n");
		Path copy = bin.resolve("sudoers");
		Files.writeString(copy, testCopy(Files.readString(SHIPPED)));
		ProgramRun.of(List.of(VISUDO, "-cf", copy.toString()), TIMEOUT).requireSuccess("visudo -cf on the test copy");
		Files.copy(copy, installed);
		Files.setPosixFilePermissions(installed, PosixFilePermissions.fromString("r--r-----"));
	}

	/**
	 * The shipped text with each program path, where it starts a rule, replaced by its wrapper, the user by this
	 * installation's own, and every alias renamed to one of its own.
	 */
	private String testCopy(String shipped) {
		String copy = shipped.replace("UNBAN_PANEL_", "UNBAN_PANEL_" + suffix.toUpperCase(Locale.ROOT) + "_")
			.replace("Defaults:" + SHIPPED_USER + " ", "Defaults:" + user + " ")
			.replaceAll("(?m)^" + SHIPPED_USER + " ", user + " ");
		for (String program : List.of(FAIL2BAN_CLIENT, FAILLOCK, PAM_TALLY2)) {
			copy = copy.replace(" " + program + " ", " " + wrapper(program) + " ");
		}
		for (String line : copy.lines().filter(line -> !line.startsWith("#")).toList()) {
			if (line.contains(FAIL2BAN_CLIENT) || line.contains(FAILLOCK) || line.contains(PAM_TALLY2)) {
				throw new IllegalStateException("a rule still names a real program: " + line);
			}
			if (SHIPPED_USER_NAMED.matcher(line).find()) {
				throw new IllegalStateException("a rule still names the user " + SHIPPED_USER + ": " + line);
			}
		}
		return copy;
	}

	private Path wrapper(String program) {
		return bin.resolve(Path.of(program).getFileName());
	}

	private void writeWrapper(String program, String body) throws IOException {
		Path wrapper = wrapper(program);
		Files.writeString(wrapper, "#!/bin/sh\n" + body + "\n");
		Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
	}

	private static String quoted(List<String> words) {
		return String.join(" ", words.stream().map(word -> "'" + word + "'").toList());
	}

}
