package org.unbanpanel.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Gate for tests that need real system tools or root. Locally a missing tool skips the test with a message that says
 * what to install; under CI ({@code CI=true}) it fails the test, so CI cannot pass without running it.
 */
public final class SystemTools {

	private SystemTools() {
	}

	public static boolean underCi() {
		return "true".equalsIgnoreCase(System.getenv("CI"));
	}

	/** Requires an executable, for example {@code /usr/bin/fail2ban-server}, from the named Debian package. */
	public static void requireProgram(String path, String debianPackage) {
		require(Files.isExecutable(Path.of(path)),
				path + " is missing: install it with 'apt-get install -y " + debianPackage + "'");
	}

	/** Requires a file of the named Debian package, for example fail2ban's {@code protocol.py}. */
	public static void requireFile(String path, String debianPackage) {
		require(Files.isRegularFile(Path.of(path)),
				path + " is missing: install it with 'apt-get install -y " + debianPackage + "'");
	}

	/** Requires root, for tests that add PAM service files or system users. */
	public static void requireRoot() {
		require("root".equals(System.getProperty("user.name")),
				"this test changes the machine (PAM service files, users) and runs only as root");
	}

	private static void require(boolean present, String message) {
		if (present) {
			return;
		}
		if (underCi()) {
			Assertions.fail(message + " (CI=true, so this is a failure, not a skip)");
		}
		Assumptions.abort(message);
	}

}
