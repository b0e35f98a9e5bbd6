package org.unbanpanel.pam;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import org.unbanpanel.exec.TestCommandRunners;
import org.unbanpanel.testsupport.SystemTools;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The faillock adapter against the real faillock and a real PAM stack: a throwaway user, a PAM service file with
 * pam_faillock.so ({@code deny=3}) around pam_unix.so and a private tally directory under {@code target/}. Failures
 * come from real authentications with pamtester, which reads the password from stdin when that is not a terminal.
 * Runs only as root; the service file, the user and the directory are removed afterwards, even on failure.
 */
class FaillockIntegrationTests {

	private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);

	private static final String USER = "upt" + SUFFIX;

	private static final String PASSWORD = "Correct-" + SUFFIX + "-9";

	private static final String SERVICE = "unban-panel-test-" + SUFFIX;

	private static final String RHOST = "203.0.113.44";

	private static final Path SERVICE_FILE = Path.of("/etc/pam.d", SERVICE);

	private static final Path TALLY_DIR = Path.of("target", "faillock-test-" + SUFFIX).toAbsolutePath();

	private static boolean userCreated;

	private final AccountLocks accounts = new FaillockAccounts(TestCommandRunners.real(Duration.ofSeconds(10)),
			List.of("/usr/sbin/faillock"), TALLY_DIR);

	private final AccountName user = AccountName.parse(USER);

	@BeforeAll
	static void createUserAndPamService() throws Exception {
		SystemTools.requireRoot();
		SystemTools.requireProgram("/usr/bin/pamtester", "pamtester");
		SystemTools.requireProgram("/usr/sbin/faillock", "libpam-modules-bin");
		assertThat(run(null, "useradd", "--no-create-home", "--shell", "/usr/sbin/nologin", USER)).isZero();
		userCreated = true;
		assertThat(run(USER + ":" + PASSWORD, "chpasswd")).isZero();
		Files.createDirectories(TALLY_DIR);
		String faillock = "dir=" + TALLY_DIR + " deny=3 unlock_time=600 nodelay";
		Files.writeString(SERVICE_FILE, String.join("\n", //
				"auth required pam_faillock.so preauth " + faillock, //
				"auth [success=1 default=bad] pam_unix.so nodelay", //
				"auth [default=die] pam_faillock.so authfail " + faillock, //
				"auth sufficient pam_faillock.so authsucc " + faillock, //
				"auth required pam_deny.so", //
				"account required pam_faillock.so dir=" + TALLY_DIR, //
				"account required pam_unix.so", ""));
	}

	@AfterAll
	static void removeUserAndPamService() throws Exception {
		Files.deleteIfExists(SERVICE_FILE);
		if (userCreated) {
			run(null, "userdel", USER);
		}
		FileSystemUtils.deleteRecursively(TALLY_DIR);
	}

	@Test
	void resetThroughTheAdapterLetsTheCorrectPasswordInAgain() throws Exception {
		assertThat(authenticate(PASSWORD)).as("the test service authenticates the right password").isTrue();
		for (int attempt = 0; attempt < 3; attempt++) {
			assertThat(authenticate("wrong-password")).isFalse();
		}
		assertThat(authenticate(PASSWORD)).as("locked after deny=3: the right password is refused").isFalse();

		LockRecord locked = accounts.status(user);
		assertThat(locked.failures()).isEqualTo(3);
		assertThat(locked.source()).isEqualTo(RHOST);
		assertThat(locked.lastFailure()).isBetween(LocalDateTime.now().minusMinutes(2), LocalDateTime.now());
		assertThat(accounts.all()).contains(locked);

		assertThat(accounts.reset(user)).isEqualTo(locked);

		assertThat(accounts.status(user).hasFailures()).isFalse();
		assertThat(accounts.all()).extracting(LockRecord::user).doesNotContain(USER);
		assertThat(authenticate(PASSWORD)).as("unlocked by the reset").isTrue();
	}

	/** pamtester reads the password from stdin; PAM_RHOST makes faillock record the source as RHOST. */
	private static boolean authenticate(String password) throws Exception {
		return run(password, "/usr/bin/pamtester", "-I", "rhost=" + RHOST, SERVICE, USER, "authenticate") == 0;
	}

	private static int run(String input, String... command) throws IOException, InterruptedException {
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

}
