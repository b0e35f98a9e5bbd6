package org.unbanpanel.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.springframework.util.FileSystemUtils;

/**
 * A real PAM lockout for integration tests: a throwaway user with a known password and a PAM service file with
 * pam_faillock.so ({@code deny=3}) around pam_unix.so, keeping its records in a private directory under
 * {@code target/}. Failures come from real authentications with pamtester, which reads the password from stdin when
 * that is not a terminal. Runs only as root; {@link #close()} removes the service file, the user and the directory.
 */
public final class PamLockout implements AutoCloseable {

	public static final int DENY = 3;

	/** The remote host every authentication claims to come from, so faillock records it as the source. */
	public static final String RHOST = "203.0.113.44";

	private final String suffix = UUID.randomUUID().toString().substring(0, 8);

	private final String user = "upt" + suffix;

	private final String password = "Correct-" + suffix + "-9";

	private final String service;

	private final Path serviceFile;

	private final Path tallyDir;

	/** Whether {@link #tallyDir} is this lockout's own, removed by {@link #close()}, or another's that it writes to. */
	private final boolean ownsTallyDir;

	private final Path faillockConf = Path.of("target", "faillock-test-" + suffix + ".conf").toAbsolutePath();

	private final String arguments;

	private final String faillockConfText;

	private boolean userCreated;

	private PamLockout(String arguments, String faillockConfText, Path tallyDir, String service) {
		this.service = service != null ? service : "unban-panel-test-" + suffix;
		this.serviceFile = Path.of("/etc/pam.d", this.service);
		this.ownsTallyDir = tallyDir == null;
		this.tallyDir = ownsTallyDir ? Path.of("target", "faillock-test-" + suffix).toAbsolutePath() : tallyDir;
		this.arguments = arguments;
		this.faillockConfText = faillockConfText;
	}

	/** Creates the user and the PAM service; skips locally, fails under CI, without root, pamtester or faillock. */
	public static PamLockout create() {
		return create("deny=" + DENY + " unlock_time=600", null);
	}

	/**
	 * Like {@link #create()}, with other pam_faillock settings.
	 * @param arguments the stack's pam_faillock arguments instead of {@code deny=3 unlock_time=600}
	 * @param faillockConf the text of a faillock.conf of its own, passed with {@code conf=}; {@code null} for none
	 */
	public static PamLockout create(String arguments, String faillockConf) {
		return create(arguments, faillockConf, null, null);
	}

	/**
	 * Like {@link #create()}, with the records in a directory another owns and keeps, for example a test host's
	 * ({@link SshTestHost#faillockDir()}), so that the lockout is read and reset there, the PAM service of the given
	 * name, so that a panel's settings can name it before the lockout exists, and the stack's pam_faillock arguments.
	 */
	public static PamLockout createIn(Path tallyDir, String service, String arguments) {
		return create(arguments, null, tallyDir, service);
	}

	private static PamLockout create(String arguments, String faillockConf, Path tallyDir, String service) {
		SystemTools.requireRoot();
		SystemTools.requireProgram("/usr/bin/pamtester", "pamtester");
		SystemTools.requireProgram("/usr/sbin/faillock", "libpam-modules-bin");
		PamLockout lockout = new PamLockout(arguments, faillockConf, tallyDir, service);
		try {
			lockout.setUp();
			return lockout;
		}
		catch (RuntimeException | IOException ex) {
			lockout.close();
			throw ex instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) ex;
		}
	}

	public String user() {
		return user;
	}

	public String password() {
		return password;
	}

	/** The PAM service's name: its file is {@code /etc/pam.d/<service>}. */
	public String service() {
		return service;
	}

	/** The faillock records directory, for {@code panel.accounts.faillock.dir}. */
	public Path tallyDir() {
		return tallyDir;
	}

	/** Whether PAM lets the user in with this password right now. */
	public boolean authenticate(String password) {
		return run(password, "/usr/bin/pamtester", "-I", "rhost=" + RHOST, service, user, "authenticate") == 0;
	}

	/** Fails {@link #DENY} times, which locks the account: afterwards even the right password is refused. */
	public void lockOut() {
		fail(DENY);
	}

	/** Authenticates with a wrong password this many times. */
	public void fail(int times) {
		for (int attempt = 0; attempt < times; attempt++) {
			if (authenticate("wrong-password")) {
				throw new IllegalStateException("the wrong password was accepted");
			}
		}
	}

	@Override
	public void close() {
		try {
			Files.deleteIfExists(serviceFile);
			Files.deleteIfExists(faillockConf);
			if (userCreated) {
				run(null, "userdel", user);
			}
			if (ownsTallyDir) {
				FileSystemUtils.deleteRecursively(tallyDir);
			}
			else {
				Files.deleteIfExists(tallyDir.resolve(user));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void setUp() throws IOException {
		requireSuccess(run(null, "useradd", "--no-create-home", "--shell", "/usr/sbin/nologin", user), "useradd");
		userCreated = true;
		requireSuccess(run(user + ":" + password, "chpasswd"), "chpasswd");
		Files.createDirectories(tallyDir);
		String faillock = "dir=" + tallyDir + " " + arguments + " nodelay";
		if (faillockConfText != null) {
			Files.writeString(faillockConf, faillockConfText);
			faillock += " conf=" + faillockConf;
		}
		Files.writeString(serviceFile, String.join("\n", //
				"auth required pam_faillock.so preauth " + faillock, //
				"auth [success=1 default=bad] pam_unix.so nodelay", //
				"auth [default=die] pam_faillock.so authfail " + faillock, //
				"auth sufficient pam_faillock.so authsucc " + faillock, //
				"auth required pam_deny.so", //
				"account required pam_faillock.so dir=" + tallyDir, //
				"account required pam_unix.so", ""));
	}

	private static void requireSuccess(int exitCode, String what) {
		if (exitCode != 0) {
			throw new IllegalStateException(what + " failed with exit code " + exitCode);
		}
	}

	private static int run(String input, String... command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			try (OutputStream stdin = process.getOutputStream()) {
				if (input != null) {
					stdin.write((input + "\n").getBytes(StandardCharsets.UTF_8));
				}
			}
			if (!process.waitFor(20, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(String.join(" ", command) + " did not finish within 20 s");
			}
			return process.exitValue();
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
