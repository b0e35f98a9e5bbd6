package org.unbanpanel.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The {@code admin} user of a panel that has no configured user. Its password is made up on first start and printed
 * to the log once; only the hash is kept, in the data directory, so a restart keeps the same password. Deleting the
 * hash file and starting again makes and prints a new one (the README and the sign-in page say so).
 */
final class InitialAdmin {

	static final String USERNAME = "admin";

	static final String HASH_FILE = "admin-password.bcrypt";

	private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);

	private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private InitialAdmin() {
	}

	/** The stored hash, creating password and hash first when there is none yet. */
	static String passwordHash(Path dataDir, PasswordEncoder encoder) {
		Path file = dataDir.resolve(HASH_FILE);
		try {
			if (Files.exists(file)) {
				return Files.readString(file).strip();
			}
			String password = randomPassword();
			String hash = encoder.encode(password);
			Files.createDirectories(dataDir);
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			Files.writeString(file, hash + "\n");
			log.warn("No user is configured: created user '{}' with password {} (shown this once; its hash is in {}:"
					+ " to get a new password, stop the panel, delete that file and start it again)", USERNAME, password,
					file.toAbsolutePath());
			return hash;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot keep the admin password hash in " + file, ex);
		}
	}

	private static String randomPassword() {
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

}
